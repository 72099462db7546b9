// fs.markdown example 4: stat in the rename's callback (the correct order).
// adaptation: require('fs'); the case creates /tmp/hello first; record console.log lines
// (still printed) for the check.
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
fs.writeFileSync(tmp + '/hello', 'hello');

fs.rename(tmp + '/hello', tmp + '/world', function (err) {
  if (err) throw err;
  fs.stat(tmp + '/world', function (err, stats) {
    if (err) throw err;
    console.log('stats: ' + JSON.stringify(stats));
  });
});

// check: the stats of the 5-byte renamed file.
process.on('exit', function () {
  assert.strictEqual(logged.length, 1);
  var stats = JSON.parse(logged[0].slice('stats: '.length));
  assert.strictEqual(stats.size, 5);
  fs.unlinkSync(tmp + '/world');
});
