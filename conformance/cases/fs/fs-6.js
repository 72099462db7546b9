// fs.markdown example 6: writing a whole file asynchronously.
// adaptation: require('fs'); message.txt is written in the temporary directory (TEST_TMPDIR
// under bazel); record console.log lines (still printed) for the check.
var assert = require('assert');
var logged = [];
var realLog = console.log;
console.log = function () {
  logged.push(require('util').format.apply(null, arguments));
  realLog.apply(console, arguments);
};
var fs = require('fs');
process.chdir(process.env.TEST_TMPDIR || '/tmp');

fs.writeFile('message.txt', 'Hello Node', function (err) {
  if (err) throw err;
  console.log('It\'s saved!');
});

process.on('exit', function () {
  assert.deepEqual(logged, ['It\'s saved!']);
  assert.strictEqual(fs.readFileSync('message.txt', 'utf8'), 'Hello Node');
});
