// process.markdown example 4: console.log written in terms of process.stdout.
var assert = require('assert');

console.log = function (d) {
  process.stdout.write(d + '\n');
};

// check: console.log now writes exactly d + '\n' through process.stdout.write.
var written = [];
var realWrite = process.stdout.write;
process.stdout.write = function (s) { written.push(s); };
console.log('hello');
process.stdout.write = realWrite;
assert.deepEqual(written, ['hello\n']);
