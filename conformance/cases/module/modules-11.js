// modules.markdown example 11: y.js requiring x.js.
// adaptation: record console.log lines (still printed) so the check at the end can see them
var assert = require('assert');
var logged = [];
var realLog = console.log;
console.log = function () {
  logged.push(require('util').format.apply(null, arguments));
  realLog.apply(console, arguments);
};
// adaptation: x.js is example 10, saved here as modules-10.js.
var x = require('./modules-10');
console.log(x.a);

// check: as the doc says, this does not work: the assignment came too late, x.a is undefined.
assert.deepEqual(logged, ['undefined']);
