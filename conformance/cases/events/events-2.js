// events.markdown example 2: emitter.once.
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

server.once('connection', function (stream) {
  console.log('Ah, we have our first user!');
});

// check: a once listener runs only for the first emit.
server.emit('connection', {});
server.emit('connection', {});
assert.deepEqual(logged, ['Ah, we have our first user!']);
assert.equal(server.listeners('connection').length, 0);
