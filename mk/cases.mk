# cases.mk — the case files of tests/cases/ (format: tests/cases/README.md),
# run by one driver against the library and then against the CLI; again
# under ASan+UBSan (both) and under valgrind (the library run: the CLI run
# starts one process a case, too slow under valgrind).

CASES_BIN   = $(BUILD)/tests/cases-driver
CASES_SRC   = $(wildcard tests/cases/*.c)
CASE_FILES  = $(sort $(wildcard tests/cases/*.cases))

TEST_SUITES += test-cases
SANITIZED_SUITES += test-cases-asan test-cases-valgrind

.PHONY: test-cases test-cases-asan test-cases-valgrind

$(CASES_BIN): $(CASES_SRC) tests/cases/driver.h $(BUILD)/libwirecheck.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) $(PKG_CFLAGS) -o $@ $(CASES_SRC) \
	    $(BUILD)/libwirecheck.a $(PKG_LIBS) -lpthread

test-cases: $(CASES_BIN) $(BUILD)/wirecheck
	@./$(CASES_BIN) $(CASE_FILES)
	@./$(CASES_BIN) --cli $(BUILD)/wirecheck $(CASE_FILES)

test-cases-asan:
	@$(MAKE) --no-print-directory BUILD=$(BUILD)/asan \
	    CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	    LDFLAGS="-fsanitize=address,undefined" test-cases

test-cases-valgrind: $(CASES_BIN)
	@valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=all \
	    ./$(CASES_BIN) $(CASE_FILES)
