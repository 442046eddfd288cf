// recognizers.js — the side-by-side run of `make bench`: Microsoft
// Recognizers-Text's number model over the same text that wirecheck extracts
// from, one paragraph (line) at a time, as the library is meant to be called.
//   node recognizers.js NODE_PREFIX FILE CULTURE
// Prints one line of JSON: bytes, seconds (best of 3 runs after a warm-up), results.
'use strict';
const fs = require('fs');
const path = require('path');
const [prefix, file, culture] = process.argv.slice(2);
const R = require(path.resolve(prefix, 'node_modules', '@microsoft/recognizers-text-suite'));
const text = fs.readFileSync(file, 'utf8');
const lines = text.split('\n').filter((l) => l.trim());
const cult = culture || R.Culture.English;
for (const l of lines.slice(0, 10)) R.recognizeNumber(l, cult); // warm-up: models are built lazily
let best = Infinity, results = 0;
for (let run = 0; run < 3; run++) {
	const t0 = process.hrtime.bigint();
	let n = 0;
	for (const l of lines) n += R.recognizeNumber(l, cult).length;
	const dt = Number(process.hrtime.bigint() - t0) / 1e9;
	if (dt < best) best = dt;
	results = n;
}
console.log(JSON.stringify({ bytes: Buffer.byteLength(text), seconds: best, results }));
