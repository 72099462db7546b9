// events.markdown example 4: emitter.listeners (output in the inline comment).
// adaptation: the doc's `server` is a net.Server; any EventEmitter has the same API.
var EventEmitter = require('events').EventEmitter;
var server = new EventEmitter();
// adaptation: the doc assumes `util` is already required.
var util = require('util');

server.on('connection', function (stream) {
  console.log('someone connected!');
});
console.log(util.inspect(server.listeners('connection'))); // [ [Function] ]
