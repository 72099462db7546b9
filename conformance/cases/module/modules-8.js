// modules.markdown example 8: a.js assigning module.exports (required by modules-9.js).
var EventEmitter = require('events').EventEmitter;

module.exports = new EventEmitter();

// Do some work, and after some time emit
// the 'ready' event from the module itself.
setTimeout(function() {
  module.exports.emit('ready');
}, 1000);

// check: the exported emitter does emit 'ready'.
var assert = require('assert');
var ready = false;
module.exports.on('ready', function () { ready = true; });
process.on('exit', function () { assert.ok(ready); });
