# make eval-currency: recall and precision of money on the currency cases of
# tests/currency/ (en, es, fr, pt), with Recognizers-Text's currency model on
# the same lines when make eval-setup has installed it.  Part of make test
# (test-currency): wirecheck's recall at least 0.95 in each language, and no
# money on the lines that have none.
.PHONY: eval-currency test-currency

eval-currency: $(BUILD)/wirecheck
	@python3 tools/eval-currency --wirecheck $(BUILD)/wirecheck --node $(BUILD)/eval/node --out $(BUILD)/eval
	@echo "blind set (tests/currency/blind):"
	@python3 tools/eval-currency --wirecheck $(BUILD)/wirecheck --node $(BUILD)/eval/node --out $(BUILD)/eval/blind --cases tests/currency/blind

test-currency: $(BUILD)/wirecheck
	@python3 tools/eval-currency --wirecheck $(BUILD)/wirecheck --node /nonexistent --out $(BUILD)/eval-currency --min-recall 0.95

TEST_SUITES += test-currency
