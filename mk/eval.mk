# make eval: precision and recall of fact extraction on the labelled news
# sentences of tests/eval/, per language and fact kind; with Recognizers-Text
# installed (make eval-setup, from the npm registry) also its figures on the
# same lines and every disagreement with wirecheck.  make eval-check (part of
# make test) only validates the labelled set.
EVAL_OUT  = $(BUILD)/eval
EVAL_NODE = $(EVAL_OUT)/node
RECOGNIZERS = @microsoft/recognizers-text-suite@1.3.1

.PHONY: eval eval-setup eval-check eval-demetr test-demetr

eval: $(BUILD)/wirecheck
	@python3 tools/eval --wirecheck $(BUILD)/wirecheck --out $(EVAL_OUT) --node $(EVAL_NODE)

eval-setup:
	@command -v npm >/dev/null || { echo "eval-setup: npm is needed (apt-get install npm)"; exit 2; }
	npm install --prefix $(EVAL_NODE) --no-audit --no-fund --loglevel=error $(RECOGNIZERS)

eval-check:
	@python3 tools/eval --check

TEST_SUITES += eval-check

# make eval-demetr: the verdicts on DEMETR (../shared/corpus/demetr-dev; another
# copy with DEMETR_DATA=FILE): changed numbers that fail the gate, false alarms
# on correct pairs and on ten-paragraph documents, both directions.
DEMETR_DATA ?= ../shared/corpus/demetr-dev/demetr-dev.jsonl

eval-demetr: $(BUILD)/wirecheck
	@python3 tools/eval-demetr --wirecheck $(BUILD)/wirecheck --data $(DEMETR_DATA) --out $(BUILD)/eval-demetr

# Part of make test: the DEMETR figures may not get worse (tools/eval-demetr
# BOUNDS).  Skipped, with a message, where ../shared is not beside the clone.
test-demetr: $(BUILD)/wirecheck
	@if [ -f $(DEMETR_DATA) ]; then \
	    python3 tools/eval-demetr --check --wirecheck $(BUILD)/wirecheck --data $(DEMETR_DATA) --out $(BUILD)/eval-demetr; \
	else echo "test-demetr: skipped, $(DEMETR_DATA) not found"; fi

TEST_SUITES += test-demetr

# Part of make test: one fact said in every language gives one fact in every
# language (tests/symmetry/forms.tsv).
.PHONY: test-symmetry
test-symmetry: $(BUILD)/wirecheck
	@sh tests/symmetry/run $(BUILD)/wirecheck

TEST_SUITES += test-symmetry

# Part of make test: probe pairs of money and identifiers (tests/probes/*.tsv):
# at least 95% hold (issue 12's target).
.PHONY: test-probes
test-probes: $(BUILD)/wirecheck
	@sh tests/probes/run $(BUILD)/wirecheck 0.95

TEST_SUITES += test-probes
