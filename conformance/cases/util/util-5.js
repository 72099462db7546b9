// util.markdown example 5: util.log.
var assert = require('assert');
// adaptation: record process.stdout.write so the check can see the line (still printed).
var written = [];
var realWrite = process.stdout.write;
process.stdout.write = function (s) { written.push(String(s)); return realWrite.apply(process.stdout, arguments); };

require('util').log('Timestamped message.');

// check: one line on stdout, `<day> <Mon> <hh:mm:ss> - message`.
process.stdout.write = realWrite;
assert.equal(written.length, 1);
assert.ok(/^\d{1,2} [A-Z][a-z]{2} \d\d:\d\d:\d\d - Timestamped message\.\n$/.test(written[0]), written[0]);
