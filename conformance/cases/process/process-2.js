// process.markdown example 2: the 'uncaughtException' event.
// adaptation: record console.log lines (still printed) so the check at the end can see them
var assert = require('assert');
var logged = [];
var realLog = console.log;
console.log = function () {
  logged.push(require('util').format.apply(null, arguments));
  realLog.apply(console, arguments);
};

process.on('uncaughtException', function (err) {
  console.log('Caught exception: ' + err);
});

setTimeout(function () {
  console.log('This will still run.');
}, 500);

// check (registered before the exception): the handler ran, the timer still ran, and the
// statement after the throw did not.
process.on('exit', function () {
  assert.equal(logged.length, 2);
  assert.ok(/^Caught exception: ReferenceError: nonexistentFunc is not defined/.test(logged[0]));
  assert.equal(logged[1], 'This will still run.');
});

// Intentionally cause an exception, but don't catch it.
nonexistentFunc();
console.log('This will not run.');
