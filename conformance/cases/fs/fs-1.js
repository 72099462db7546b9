// fs.markdown example 1: asynchronous unlink.
// adaptation: the case first creates /tmp/hello (the file the example acts on).
// Record console.log lines (still printed) for the check at the end.
// adaptation: /tmp/hello and /tmp/world live in TEST_TMPDIR, so cases running in parallel
// do not share them.
var tmp = process.env.TEST_TMPDIR || '/tmp';
var assert = require('assert');
var logged = [];
var realLog = console.log;
console.log = function () {
  logged.push(require('util').format.apply(null, arguments));
  realLog.apply(console, arguments);
};
require('fs').writeFileSync(tmp + '/hello', 'hello');

var fs = require('fs');

fs.unlink(tmp + '/hello', function (err) {
  if (err) throw err;
  console.log('successfully deleted /tmp/hello');
});

process.on('exit', function () {
  assert.deepEqual(logged, ['successfully deleted /tmp/hello']);
  assert.ok(!fs.existsSync(tmp + '/hello'));
});
