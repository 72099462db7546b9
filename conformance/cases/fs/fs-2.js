// fs.markdown example 2: synchronous unlink.
// adaptation: the case first creates /tmp/hello (the file the example acts on).
// Record console.log lines (still printed) for the check at the end.
var assert = require('assert');
var logged = [];
var realLog = console.log;
console.log = function () {
  logged.push(require('util').format.apply(null, arguments));
  realLog.apply(console, arguments);
};
require('fs').writeFileSync('/tmp/hello', 'hello');

var fs = require('fs');

fs.unlinkSync('/tmp/hello')
console.log('successfully deleted /tmp/hello');

assert.deepEqual(logged, ['successfully deleted /tmp/hello']);
assert.ok(!fs.existsSync('/tmp/hello'));
