# Hardening (issue #6): libFuzzer harnesses, regression replays of what they
# found, and the hostile-input suite.  See docs/hostile-input.md ("Hardening: fuzzing,
# hostile input, limits").
#
#   make fuzz [FUZZ_SECONDS=N]   every harness for N seconds (default 600), inputs up
#                                to FUZZ_MAX_LEN (256 KB); an input slower than
#                                FUZZ_SLOW (5 s) is an artifact, like a crash
#   make fuzz-build              only build the harnesses ($(BUILD)/fuzz)
#   make test-fuzz-smoke         every harness for FUZZ_SMOKE_SECONDS (20) when
#                                clang and its fuzzer runtime are installed
#   make test-regress            replay tests/regress/NAME/* through harness NAME
#   make test-hostile            tests/hostile/run on $(BUILD)/wirecheck

FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 600
FUZZ_SMOKE_SECONDS ?= 20
FUZZ_BUILD    = $(BUILD)/fuzz
FUZZ_NAMES    = rules extract check report
FUZZ_SAN      = $(SANITIZE) -fno-sanitize-recover=all
# -Werror stays with the regular build: a new clang warning in the library
# must not stop a fuzzing run.
FUZZ_CFLAGS   = -std=c11 -Wall -Wextra -O1 -g -fno-omit-frame-pointer $(FUZZ_SAN)
FUZZ_LIB_OBJ  = $(LIB_SRC:checker/%.c=$(FUZZ_BUILD)/obj/%.o)
FUZZ_BINS     = $(FUZZ_NAMES:%=$(FUZZ_BUILD)/fuzz_%)
FUZZ_DEFS     = -DWC_FUZZ_RULES='"$(CURDIR)/rules"'
REPLAY_BINS   = $(FUZZ_NAMES:%=$(BUILD)/regress/replay_%)

TEST_SUITES      += test-regress test-hostile test-fuzz-smoke
SANITIZED_SUITES += test-hardening-asan test-hardening-valgrind

.PHONY: fuzz fuzz-build test-fuzz-smoke test-regress test-hostile test-hardening-asan \
        test-hardening-valgrind

$(FUZZ_BUILD)/obj/%.o: checker/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(CPPFLAGS) $(DEPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link $(PKG_CFLAGS) -c -o $@ $<

$(FUZZ_BUILD)/fuzz_%: fuzz/fuzz_%.c $(FUZZ_LIB_OBJ)
	$(FUZZ_CC) $(CPPFLAGS) $(DEPFLAGS) -MF $@.d -MT $@ $(FUZZ_DEFS) $(FUZZ_CFLAGS) -fsanitize=fuzzer $(PKG_CFLAGS) -o $@ $< \
	    $(FUZZ_LIB_OBJ) $(PKG_LIBS)

fuzz-build: $(FUZZ_BINS)

fuzz: fuzz-build
	@fail=0; for n in $(FUZZ_NAMES); do \
	    sh fuzz/run $(FUZZ_BUILD) $$n $(FUZZ_SECONDS) || fail=1; done; exit $$fail

# A short run of each harness on a fresh corpus (seeds and regression inputs
# only), so that `make test` stays repeatable.  Skipped without clang.
test-fuzz-smoke:
	@if ! command -v $(FUZZ_CC) >/dev/null 2>&1 || ! printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { (void)d; (void)n; return 0; }\n' \
	    | $(FUZZ_CC) -x c -fsanitize=fuzzer -o /dev/null - >/dev/null 2>&1; then \
	    echo "test-fuzz-smoke: skipped: $(FUZZ_CC) with -fsanitize=fuzzer is not available (make test-deps installs it)"; \
	    exit 0; fi; \
	$(MAKE) --no-print-directory fuzz-build >/dev/null || exit 1; \
	rm -rf $(FUZZ_BUILD)/smoke; fail=0; \
	for n in $(FUZZ_NAMES); do \
	    FUZZ_MAX_LEN=65536 FUZZ_SLOW=10 sh fuzz/run $(FUZZ_BUILD) $$n $(FUZZ_SMOKE_SECONDS) $(FUZZ_BUILD)/smoke/$$n || fail=1; done; \
	rm -rf $(FUZZ_BUILD)/smoke; exit $$fail

$(BUILD)/regress/%.o: fuzz/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(DEPFLAGS) $(FUZZ_DEFS) $(WARN) $(CFLAGS) $(PKG_CFLAGS) -c -o $@ $<

$(BUILD)/regress/replay_%: $(BUILD)/regress/fuzz_%.o $(BUILD)/regress/replay.o $(BUILD)/libwirecheck.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

# Kept, as the unit test objects are: built by pattern rules only.
REPLAY_OBJ = $(FUZZ_NAMES:%=$(BUILD)/regress/fuzz_%.o) $(BUILD)/regress/replay.o
.SECONDARY: $(REPLAY_OBJ) $(FUZZ_LIB_OBJ)
-include $(FUZZ_LIB_OBJ:.o=.d) $(FUZZ_BINS:=.d) $(REPLAY_OBJ:.o=.d)

test-regress: $(REPLAY_BINS) $(BUILD)/wirecheck
	@sh tests/regress/run $(BUILD)

test-hostile: $(BUILD)/wirecheck
	@sh tests/hostile/run $(BUILD)/wirecheck

# The new suites again under ASan+UBSan (the same build as test-asan; the
# hostile suite without its 50 MB and 10 MB inputs, with 4x the time) and
# under valgrind (without its big inputs).
test-hardening-asan:
	@WIRECHECK_RULES=$(CURDIR)/rules WC_HOSTILE_BIG=0 WC_HOSTILE_SLOW=4 \
	    $(MAKE) --no-print-directory BUILD=$(BUILD)/asan \
	    CFLAGS="$(SAN_CFLAGS)" LDFLAGS="$(SANITIZE)" test-regress test-hostile

test-hardening-valgrind: all $(REPLAY_BINS)
	@WC_VALGRIND=1 sh tests/regress/run $(BUILD)
	@WC_VALGRIND=1 sh tests/hostile/run $(BUILD)/wirecheck
