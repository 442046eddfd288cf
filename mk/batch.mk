# batch.mk — `wirecheck batch` and `wirecheck check DIR`: their script tests
# (tests/batch/run, also under ASan+UBSan) and `make bench` (bench/run).
# Included by the Makefile; the unit tests test_batch and test_json_read are
# picked up by its tests/unit/test_*.c wildcard.

TEST_SUITES += test-batch
SANITIZED_SUITES += test-batch-asan

.PHONY: test-batch test-batch-asan bench

test-batch: $(BUILD)/wirecheck
	@sh tests/batch/run $(BUILD)/wirecheck

# The script tests again with the sanitized binary; the peak-memory test is
# skipped there (ASan's shadow memory is not the program's).
test-batch-asan:
	@WC_SANITIZED=1 WIRECHECK_RULES=$(CURDIR)/rules $(MAKE) --no-print-directory BUILD=$(BUILD)/asan \
	    CFLAGS="$(SAN_CFLAGS)" LDFLAGS="$(SANITIZE)" test-batch

BENCH_DIR = $(BUILD)/bench

$(BENCH_DIR)/micro: bench/micro.c $(BUILD)/libwirecheck.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) $(PKG_CFLAGS) -o $@ $< $(BUILD)/libwirecheck.a $(PKG_LIBS)

# Builds the corpus, installs the tools compared against when it can
# (Recognizers-Text with npm into $(BENCH_DIR)/node, translate-toolkit with
# apt-get), and prints the table.  Writes $(BENCH_DIR)/results.md too.
bench: $(BUILD)/wirecheck $(BENCH_DIR)/micro
	@python3 bench/run --bin $(BUILD)/wirecheck --micro $(BENCH_DIR)/micro --out $(BENCH_DIR)
