// stdio.markdown example 1: console.log with a format.
// adaptation: record console.log lines (still printed) so the check at the end can see them
var assert = require('assert');
var logged = [];
var realLog = console.log;
console.log = function () {
  logged.push(require('util').format.apply(null, arguments));
  realLog.apply(console, arguments);
};
// adaptation: the doc leaves `count` undefined; it is given a value.
var count = 5;
console.log('count: %d', count);

// check: the placeholder is replaced.
assert.deepEqual(logged, ['count: 5']);
