# docs.mk — the documentation holds together: links and anchors of README.md
# and docs/*.md resolve, and the README's table of checks is checks.def's.
.PHONY: test-docs
test-docs:
	@python3 tests/docs/run
TEST_SUITES += test-docs
