# config.mk — the project's settings (issue 16, parts 1 and 2): the
# .wirecheck.yaml cases of tests/config/run; again under ASan+UBSan, and under
# valgrind (there the ZTE runs are cut to one: each costs seconds).
.PHONY: test-config test-config-asan test-config-valgrind

TEST_SUITES += test-config
SANITIZED_SUITES += test-config-asan test-config-valgrind

test-config: $(BUILD)/wirecheck
	@sh tests/config/run $(BUILD)/wirecheck

test-config-asan:
	@WIRECHECK_RULES=$(CURDIR)/rules $(MAKE) --no-print-directory BUILD=$(BUILD)/asan \
	    CFLAGS="$(SAN_CFLAGS)" LDFLAGS="$(SANITIZE)" test-config

test-config-valgrind: $(BUILD)/wirecheck
	@WC_VALGRIND=1 sh tests/config/run $(BUILD)/wirecheck
