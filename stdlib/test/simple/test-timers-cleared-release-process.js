var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var net = require('net');

// A cleared timer does not keep the process alive, wherever it was set and cleared: in the main
// script, a nextTick callback, a timer callback and an I/O callback (the native timer is unref'd
// lazily, before the loop next waits). A timer set where nothing else holds the loop (a close
// callback) keeps it alive until it fires. If the process hangs on, the guard fails it.
var guard = setTimeout(function() {
  throw new Error('a cleared timer kept the process alive');
}, 10000);
guard.unref();

function never() { throw new Error('a cleared timer fired'); }
function setAndClear() {
  clearTimeout(setTimeout(never, 100000));
  clearInterval(setInterval(never, 100000));
}

setAndClear();
process.nextTick(setAndClear);
setTimeout(common.mustCall(setAndClear), 1);
fs.stat(__filename, common.mustCall(function(err) {
  assert.ifError(err);
  setAndClear();
}));

// The last handle's close callback sets a timer: it must still fire.
var server = net.createServer();
server.listen(0, function() {
  server.close(common.mustCall(function() {
    setAndClear();
    setTimeout(common.mustCall(function() {
      // And one set and cleared many times over stays released.
      for (var i = 0; i < 1000; i++) setAndClear();
    }), 5);
  }));
});
