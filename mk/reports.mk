# Report formats (issue #4).
#   make test-formats   html, sarif, junit, markdown and text --quiet on the ZTE
#                       bundle through the CLI (tests/formats/run); SARIF is
#                       validated against the SARIF 2.1.0 JSON schema
#   make test-browser   the HTML report rendered by headless Chromium: DOM
#                       checks, $(BUILD)/report.png, $(BUILD)/report.pdf
# The schema (shipped by @microsoft/jest-sarif) and the validator (ajv 6) come
# from the npm registry into $(BUILD)/node; chromium, xmllint, node and npm are
# Debian packages (tools/deps/test-reports.txt).
.PHONY: test-formats test-browser

NODE_DIR = $(BUILD)/node
SARIF_NPM = @microsoft/jest-sarif@1.0.0-beta.0 ajv@6.12.6

$(NODE_DIR)/.installed:
	@mkdir -p $(NODE_DIR)
	npm install --prefix $(NODE_DIR) --no-audit --no-fund --loglevel=error $(SARIF_NPM)
	@touch $@

test-formats: $(BUILD)/wirecheck $(NODE_DIR)/.installed
	@sh tests/formats/run $(BUILD)/wirecheck $(NODE_DIR)/node_modules

test-browser: $(BUILD)/wirecheck
	@sh tests/browser/run $(BUILD)/wirecheck $(BUILD)

TEST_SUITES += test-formats
ifneq ($(wildcard /usr/bin/chromium),)
TEST_SUITES += test-browser
endif
