// crypto.markdown example 2: crypto.randomBytes, async and sync.
// adaptation: require('crypto'); record console.log lines (still printed) for the check.
var assert = require('assert');
var logged = [];
var realLog = console.log;
console.log = function () {
  logged.push(require('util').format.apply(null, arguments));
  realLog.apply(console, arguments);
};
var crypto = require('crypto');

// async
crypto.randomBytes(256, function(ex, buf) {
  if (ex) throw ex;
  console.log('Have %d bytes of random data: %s', buf.length, buf);
});

// sync
try {
  var buf = crypto.randomBytes(256);
  console.log('Have %d bytes of random data: %s', buf.length, buf);
} catch (ex) {
  // handle error
}

// check: both forms gave 256 bytes (the sync line first).
process.on('exit', function () {
  assert.strictEqual(logged.length, 2);
  logged.forEach(function (line) {
    assert.ok(/^Have 256 bytes of random data: /.test(line), line);
  });
});
