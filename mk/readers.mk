# readers.mk — the readers of markup (issue #15): tests/readers/run on the
# fixtures of fixtures/readers (HTML, NewsML-G2, NITF, ninjs, XLIFF), also
# under ASan+UBSan and under valgrind.  The unit test test_readers is picked up by the
# Makefile's tests/unit/test_*.c wildcard.

TEST_SUITES += test-readers
SANITIZED_SUITES += test-readers-asan test-readers-valgrind

.PHONY: test-readers test-readers-asan test-readers-valgrind

test-readers: $(BUILD)/wirecheck
	@sh tests/readers/run $(BUILD)/wirecheck

test-readers-asan:
	@WIRECHECK_RULES=$(CURDIR)/rules $(MAKE) --no-print-directory BUILD=$(BUILD)/asan \
	    CFLAGS="$(SAN_CFLAGS)" LDFLAGS="$(SANITIZE)" test-readers

test-readers-valgrind: $(BUILD)/wirecheck
	@WC_VALGRIND=1 sh tests/readers/run $(BUILD)/wirecheck
