// events.markdown example 3: emitter.removeListener.
// adaptation: record console.log lines (still printed) so the check at the end can see them
var assert = require('assert');
var logged = [];
var realLog = console.log;
console.log = function () {
  logged.push(require('util').format.apply(null, arguments));
  realLog.apply(console, arguments);
};
// adaptation: the doc's `server` is a net.Server; any EventEmitter has the same API.
var EventEmitter = require('events').EventEmitter;
var server = new EventEmitter();

var callback = function(stream) {
  console.log('someone connected!');
};
server.on('connection', callback);
// ...
server.removeListener('connection', callback);

// check: the removed listener is gone and does not run.
assert.equal(server.listeners('connection').length, 0);
server.emit('connection', {});
assert.deepEqual(logged, []);
