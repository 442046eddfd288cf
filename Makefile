# wirecheck — fact-consistency checker for translated wire copy.
# `make demo` and `make test` are the two commands a new user needs; both first
# run tools/install-deps, which installs missing Debian packages when it can.

CC      ?= cc
CFLAGS  ?= -O2 -g
WARN     = -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes
CPPFLAGS += -D_POSIX_C_SOURCE=200809L -Ichecker
PKGS     = yaml-0.1 libpcre2-8 libutf8proc libxml-2.0
prefix  ?= /usr/local
bindir   = $(prefix)/bin
datadir  = $(prefix)/share
mandir   = $(datadir)/man
libdir   = $(prefix)/lib
includedir = $(prefix)/include
DESTDIR ?=

BUILD   ?= build
# The compiled rule patterns of the tests' and the benchmarks' runs are kept
# in the build tree, not in the user's ~/.cache (docs/cli.md, "Environment").
export WIRECHECK_CACHE ?= $(abspath $(BUILD))/cache
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
TEST_CFLAGS = $(shell pkg-config --cflags cmocka 2>/dev/null)
TEST_LIBS   = $(shell pkg-config --libs cmocka 2>/dev/null)
# Every compile writes the headers it read into a .d file beside its output
# (-MP: a removed header is no error); the .d files are included below, so an
# object is rebuilt for exactly the headers it includes.
DEPFLAGS    = -MMD -MP
# ASan+UBSan, for the sanitized runs of every fragment (test-asan,
# test-batch-asan, test-hardening-asan) and the fuzzers.
SANITIZE    = -fsanitize=address,undefined
SAN_CFLAGS  = -O1 -g $(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all

LIB_SRC  = $(filter-out checker/main%.c,$(wildcard checker/*.c))
CLI_SRC  = $(wildcard checker/main*.c)
CLI_OBJ  = $(CLI_SRC:checker/%.c=$(BUILD)/obj/%.o)
LIB_OBJ  = $(LIB_SRC:checker/%.c=$(BUILD)/obj/%.o)
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all deps test-deps demo test check test-unit test-e2e test-rules test-locales \
        test-asan test-valgrind test-tsan install uninstall clean

all: $(BUILD)/wirecheck

deps:
	@sh tools/install-deps build

test-deps:
	@sh tools/install-deps test

$(BUILD)/obj/%.o: checker/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(DEPFLAGS) $(WARN) $(CFLAGS) $(PKG_CFLAGS) -c -o $@ $<

$(BUILD)/libwirecheck.a: $(LIB_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(BUILD)/wirecheck: $(CLI_OBJ) $(BUILD)/libwirecheck.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS) -lpthread

# Every unit test links the shared helpers of tests/unit/support.c.
$(BUILD)/tests/%.o: tests/unit/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(DEPFLAGS) $(WARN) $(CFLAGS) $(PKG_CFLAGS) $(TEST_CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: $(BUILD)/tests/%.o $(BUILD)/tests/support.o $(BUILD)/libwirecheck.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS) $(TEST_LIBS) -lpthread

ZTE = fixtures/zte
demo: deps
	@$(MAKE) --no-print-directory all
	@echo "== wirecheck on the ZTE bundle (exit 1 = a translation fails the gate)"
	./$(BUILD)/wirecheck check --source $(ZTE)/zte.en.txt $(ZTE)/zte.da.txt $(ZTE)/zte.sv.txt \
	    --related $(ZTE)/zte-washington.en.txt --related $(ZTE)/zte-other-agency.en.txt; \
	    rc=$$?; echo "== exit code $$rc"; test $$rc -le 1

test: test-deps
	@$(MAKE) --no-print-directory check

# Every test: units, rule examples, end to end, generated locales, then the
# same suites under ASan+UBSan and under valgrind, and the unit tests that
# share a ruleset between threads under ThreadSanitizer.  Fragments in mk/ add
# their own suites to TEST_SUITES (browser, fuzz smoke, batch ...).
TEST_SUITES = test-unit test-rules test-e2e test-locales
SANITIZED_SUITES = test-asan test-valgrind test-tsan
-include mk/*.mk

check: all
	@$(MAKE) --no-print-directory $(TEST_SUITES) $(SANITIZED_SUITES)
	@echo "all test suites passed"

test-unit: $(UNIT_BIN)
	@sh tests/run-unit $(UNIT_BIN)

test-rules: $(BUILD)/wirecheck
	./$(BUILD)/wirecheck rules lint
	./$(BUILD)/wirecheck rules test

test-e2e: $(BUILD)/wirecheck
	@sh tests/e2e/run $(BUILD)/wirecheck
	@sh tests/e2e/translations $(BUILD)/wirecheck
	@sh tests/e2e/versions $(BUILD)/wirecheck

test-locales:
	@sh tests/locales-drift

# Sanitizer build in its own directory, so that it never mixes with the
# optimized objects.
test-asan:
	@WIRECHECK_RULES=$(CURDIR)/rules $(MAKE) --no-print-directory BUILD=$(BUILD)/asan \
	    CFLAGS="$(SAN_CFLAGS)" LDFLAGS="$(SANITIZE)" test-unit test-rules test-e2e

# ThreadSanitizer exits non-zero when it reported a race.
TSAN_UNITS = test_extract test_batch
test-tsan:
	@$(MAKE) --no-print-directory BUILD=$(BUILD)/tsan CFLAGS="-O1 -g -fsanitize=thread" \
	    LDFLAGS="-fsanitize=thread" $(TSAN_UNITS:%=$(BUILD)/tsan/tests/%)
	@sh tests/run-tsan $(TSAN_UNITS:%=$(BUILD)/tsan/tests/%)

test-valgrind: all $(UNIT_BIN)
	@WC_VALGRIND=1 sh tests/run-unit $(UNIT_BIN)
	@WC_VALGRIND=1 sh tests/e2e/run $(BUILD)/wirecheck
	@WC_VALGRIND=1 sh tests/e2e/translations $(BUILD)/wirecheck
	@WC_VALGRIND=1 sh tests/e2e/versions $(BUILD)/wirecheck

install: all
	install -d $(DESTDIR)$(bindir) $(DESTDIR)$(datadir)/wirecheck $(DESTDIR)$(mandir)/man1 \
	    $(DESTDIR)$(libdir) $(DESTDIR)$(includedir)
	install -m 755 $(BUILD)/wirecheck $(DESTDIR)$(bindir)/wirecheck
	install -m 644 $(BUILD)/libwirecheck.a $(DESTDIR)$(libdir)/libwirecheck.a
	install -m 644 checker/wirecheck.h $(DESTDIR)$(includedir)/wirecheck.h
	install -m 644 docs/wirecheck.1 $(DESTDIR)$(mandir)/man1/wirecheck.1
	cp -R rules $(DESTDIR)$(datadir)/wirecheck/
	if [ -d $(BUILD)/words ]; then install -d $(DESTDIR)$(datadir)/wirecheck/rules/words && \
	    install -m 644 $(BUILD)/words/*.words $(DESTDIR)$(datadir)/wirecheck/rules/words/; fi

uninstall:
	rm -f $(DESTDIR)$(bindir)/wirecheck $(DESTDIR)$(libdir)/libwirecheck.a \
	    $(DESTDIR)$(includedir)/wirecheck.h $(DESTDIR)$(mandir)/man1/wirecheck.1
	rm -rf $(DESTDIR)$(datadir)/wirecheck

clean:
	rm -rf $(BUILD)

UNIT_OBJ = $(UNIT_BIN:=.o) $(BUILD)/tests/support.o
# Kept: they are built by pattern rules only, and make would delete them.
.SECONDARY: $(UNIT_OBJ)
-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(UNIT_OBJ:.o=.d)
