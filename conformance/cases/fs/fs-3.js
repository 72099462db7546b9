// fs.markdown example 3: rename and stat issued together (the documented race: stat may run
// before the rename, then it fails with ENOENT).
// adaptation: require('fs'); the case creates /tmp/hello first and catches the error the
// documented race may throw; record console.log lines (still printed) for the check.
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
var fs = require('fs');
try { fs.unlinkSync(tmp + '/world'); } catch (e) {}
fs.writeFileSync(tmp + '/hello', 'hello');
var raced = null;
process.on('uncaughtException', function (err) {  // adaptation: the race's ENOENT
  assert.strictEqual(err.code, 'ENOENT');
  raced = err;
});

fs.rename(tmp + '/hello', tmp + '/world', function (err) {
  if (err) throw err;
  console.log('renamed complete');
});
fs.stat(tmp + '/world', function (err, stats) {
  if (err) throw err;
  console.log('stats: ' + JSON.stringify(stats));
});

// check: the rename completed; stat either saw the file or lost the race.
process.on('exit', function () {
  assert.ok(logged.indexOf('renamed complete') !== -1);
  assert.strictEqual(logged.length, raced ? 1 : 2);
  fs.unlinkSync(tmp + '/world');
});
