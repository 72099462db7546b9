// fs.markdown example 7: watching a file's mtime.
// adaptation: require('fs'); message.text is created in the temporary directory, touched with
// a later mtime, and unwatched after the first change; record console.log lines for the check.
var assert = require('assert');
var logged = [];
var realLog = console.log;
console.log = function () {
  logged.push(require('util').format.apply(null, arguments));
  realLog.apply(console, arguments);
};
var fs = require('fs');
process.chdir(process.env.TEST_TMPDIR || '/tmp');
fs.writeFileSync('message.text', 'one');

fs.watchFile('message.text', function (curr, prev) {
  console.log('the current mtime is: ' + curr.mtime);
  console.log('the previous mtime was: ' + prev.mtime);
  fs.unwatchFile('message.text');  // adaptation: stop
});

setTimeout(function () {
  var later = new Date(Date.now() + 10000);
  fs.utimesSync('message.text', later, later);
}, 100);

process.on('exit', function () {
  assert.strictEqual(logged.length, 2);
  assert.ok(/^the current mtime is: /.test(logged[0]));
  assert.ok(/^the previous mtime was: /.test(logged[1]));
});
