// modules.markdown example 9: using a.js's exported emitter.
// adaptation: record console.log lines (still printed) so the check at the end can see them
var assert = require('assert');
var logged = [];
var realLog = console.log;
console.log = function () {
  logged.push(require('util').format.apply(null, arguments));
  realLog.apply(console, arguments);
};
// adaptation: a.js is example 8, saved here as modules-8.js.
var a = require('./modules-8');
a.on('ready', function() {
  console.log('module a is ready');
});

// check: the listener ran once 'ready' was emitted.
process.on('exit', function () {
  assert.deepEqual(logged, ['module a is ready']);
});
