# readers.mk — the readers of markup (issue #15): tests/readers/run on the
# fixtures of fixtures/readers (HTML, NewsML-G2, NITF, ninjs, XLIFF), also
# under ASan+UBSan.  The unit test test_readers is picked up by the
# Makefile's tests/unit/test_*.c wildcard.

TEST_SUITES += test-readers
SANITIZED_SUITES += test-readers-asan

.PHONY: test-readers test-readers-asan

test-readers: $(BUILD)/wirecheck
	@sh tests/readers/run $(BUILD)/wirecheck

test-readers-asan:
	@WIRECHECK_RULES=$(CURDIR)/rules $(MAKE) --no-print-directory BUILD=$(BUILD)/asan \
	    CFLAGS="$(SAN_CFLAGS)" LDFLAGS="$(SANITIZE)" test-readers
