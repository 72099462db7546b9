// events.markdown example 1: emitter.on.
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

server.on('connection', function (stream) {
  console.log('someone connected!');
});

// check: the listener runs on every emit.
server.emit('connection', {});
server.emit('connection', {});
assert.deepEqual(logged, ['someone connected!', 'someone connected!']);
