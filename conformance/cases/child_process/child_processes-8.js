// child_processes.markdown example 8: fork a child and exchange messages.
// adaptation: the child sub.js is example 9 (child_processes-9.js); record console.log lines
// (still printed) for the check; the parent disconnects once it has the child's message.
var assert = require('assert');
var logged = [];
var realLog = console.log;
console.log = function () {
  logged.push(require('util').format.apply(null, arguments));
  realLog.apply(console, arguments);
};

var cp = require('child_process');

var n = cp.fork(__dirname + '/child_processes-9.js');  // adaptation: was '/sub.js'

n.on('message', function(m) {
  console.log('PARENT got message:', m);
  n.kill();  // adaptation: let both processes end
});

n.send({ hello: 'world' });

// check: the child's message arrived.
process.on('exit', function () {
  assert.deepEqual(logged, ["PARENT got message: { foo: 'bar' }"]);
});
