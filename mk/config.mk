# config.mk — the project's settings (issue 16, parts 1 and 2): the
# .wirecheck.yaml cases of tests/config/run and the baseline round trip of
# tests/config/baseline (its SARIF validated when test-formats has installed
# the schema); both again under ASan+UBSan (LeakSanitizer included), and the
# first under valgrind, with its ZTE runs cut to one (each costs seconds there).
.PHONY: test-config test-config-asan test-config-valgrind

TEST_SUITES += test-config
SANITIZED_SUITES += test-config-asan test-config-valgrind

test-config: $(BUILD)/wirecheck
	@sh tests/config/run $(BUILD)/wirecheck
	@sh tests/config/baseline $(BUILD)/wirecheck $(wildcard $(NODE_DIR)/node_modules)

test-config-asan:
	@WIRECHECK_RULES=$(CURDIR)/rules $(MAKE) --no-print-directory BUILD=$(BUILD)/asan \
	    CFLAGS="$(SAN_CFLAGS)" LDFLAGS="$(SANITIZE)" test-config

test-config-valgrind: $(BUILD)/wirecheck
	@WC_VALGRIND=1 sh tests/config/run $(BUILD)/wirecheck
