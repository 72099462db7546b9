// stdio.markdown example 2: console.time / console.timeEnd.
// adaptation: record console.log lines (still printed) so the check at the end can see them
var assert = require('assert');
var logged = [];
var realLog = console.log;
console.log = function () {
  logged.push(require('util').format.apply(null, arguments));
  realLog.apply(console, arguments);
};

console.time('100-elements');
for (var i = 0; i < 100; i++) {
  ;
}
console.timeEnd('100-elements');

// check: timeEnd prints the label and the elapsed milliseconds.
assert.equal(logged.length, 1);
assert.ok(/^100-elements: \d+ms$/.test(logged[0]), logged[0]);
