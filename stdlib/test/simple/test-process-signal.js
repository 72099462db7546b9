var common = require('../common');
var assert = require('assert');

// A 'SIGxxx' listener installs a handler; the signal no longer kills the process.
process.on('SIGUSR2', common.mustCall(function(name) {
  assert.equal(name, 'SIGUSR2');
}));
process.on('SIGHUP', common.mustCall(function() {
  clearTimeout(keepAlive);
}));
process.kill(process.pid, 'SIGUSR2');
process.kill(process.pid, 'SIGHUP');
// Signal watchers do not keep the process alive by themselves; this timer waits for delivery.
var keepAlive = setTimeout(function() {
  throw new Error('signals were not delivered');
}, 5000);
