// util.markdown example 6: util.inspect(util, true, null).
// adaptation: record console.log lines (still printed) so the check at the end can see them
var assert = require('assert');
var logged = [];
var realLog = console.log;
console.log = function () {
  logged.push(require('util').format.apply(null, arguments));
  realLog.apply(console, arguments);
};

var util = require('util');

console.log(util.inspect(util, true, null));

// check: one inspected object listing util's functions.
assert.equal(logged.length, 1);
assert.ok(/^\{/.test(logged[0]));
['format', 'inspect', 'inherits', 'isArray', 'log'].forEach(function (name) {
  assert.ok(new RegExp('(^|\\W)' + name + ': ').test(logged[0]), name);
});
