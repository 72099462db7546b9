var common = require('../common');
var assert = require('assert');

// console writes through process.stdout / process.stderr; capture them to check the text.
var out = [], err = [];
var realOut = process.stdout.write, realErr = process.stderr.write;
process.stdout.write = function(s) { out.push(s); return true; };
process.stderr.write = function(s) { err.push(s); return true; };
try {
  console.log('a %s %d %j', 'b', 3, { c: 1 }, 'extra');
  console.info('info');
  console.warn('warn %d', 1);
  console.error('error');
  console.dir({ x: [1, 2] });
  console.time('t');
  console.timeEnd('t');
  console.trace('here %d', 5);
} finally {
  process.stdout.write = realOut;
  process.stderr.write = realErr;
}
assert.equal(out[0], 'a b 3 {"c":1} extra\n');
assert.equal(out[1], 'info\n');
assert.equal(err[0], 'warn 1\n');
assert.equal(err[1], 'error\n');
assert.equal(out[2], '{ x: [ 1, 2 ] }\n');
assert.ok(/^t: \d+ms\n$/.test(out[3]), out[3]);
assert.ok(/^Trace: here 5\n    at /.test(err[2]), err[2]);
assert.throws(function() { console.timeEnd('never'); }, /No such label/);
assert.throws(function() { console.assert(false, 'bad %s', 'thing'); }, /bad thing/);
console.assert(true, 'not thrown');
