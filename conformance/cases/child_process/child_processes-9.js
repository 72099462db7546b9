// child_processes.markdown example 9: the forked child (sub.js) of example 8.
// adaptation: run on its own (no parent channel), the case forks itself and checks the
// exchange; as the child it is exactly the documented program (and prints what it receives).
var assert = require('assert');
if (!process.send) {
  var child = require('child_process').fork(__filename);
  var got = null;
  child.on('message', function (m) {
    got = m;
    child.send({ hello: 'world' });
    setTimeout(function () { child.kill(); }, 100);
  });
  process.on('exit', function () { assert.deepEqual(got, { foo: 'bar' }); });
  return;
}

process.on('message', function(m) {
  console.log('CHILD got message:', m);
});

process.send({ foo: 'bar' });
