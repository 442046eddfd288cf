# Stress (issue 14): each pathological input at three doubling sizes, with
# the time ratio per doubling (target <= 2.3) and peak RSS; not part of
# `make test` (it takes a few minutes).  See docs/benchmarks-and-accuracy.md, "make stress".
#
#   make stress [STRESS_ARGS="--case NAME --timeout S"]

.PHONY: stress

stress: $(BUILD)/wirecheck
	@python3 tests/stress/run --bin $(BUILD)/wirecheck --out $(BUILD)/stress $(STRESS_ARGS)
