// Validates SARIF logs against the SARIF 2.1.0 JSON schema.
// Usage: node validate-sarif.js NODE_MODULES FILE...
// The schema is the one @microsoft/jest-sarif ships (sarif-2.1.0-rtm.5.json,
// draft-04); ajv 6 is the validator, both installed from npm into the build
// directory by mk/reports.mk.  Exits 1 if any file is invalid.
'use strict';
const fs = require('fs');
const path = require('path');

const modules = path.resolve(process.argv[2]);
const files = process.argv.slice(3);
const Ajv = require(path.join(modules, 'ajv'));
const schema = require(path.join(modules, '@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'));
const ajv = new Ajv({ schemaId: 'auto', allErrors: true, format: 'full' });
ajv.addMetaSchema(require(path.join(modules, 'ajv/lib/refs/json-schema-draft-04.json')));
const validate = ajv.compile(schema);

let bad = 0;
for (const file of files) {
	let doc;
	try {
		doc = JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch (e) {
		console.error(`${file}: not JSON: ${e.message}`);
		bad++;
		continue;
	}
	if (validate(doc)) {
		console.log(`${file}: valid SARIF 2.1.0`);
	} else {
		bad++;
		console.error(`${file}: invalid SARIF 2.1.0:\n  ` +
			ajv.errorsText(validate.errors, { separator: '\n  ' }));
	}
}
process.exit(bad ? 1 : 0);
