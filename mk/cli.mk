# cli.mk — the command line as users meet it (issue 17): tests/e2e/cli, a table
# of runs with the exit status and the output line each must have.
.PHONY: test-cli

test-cli: $(BUILD)/wirecheck
	@sh tests/e2e/cli $(BUILD)/wirecheck

TEST_SUITES += test-cli
