// Messages of a megabyte and more cross the channel whole, in both directions.
var common = require('../common');
var assert = require('assert');
var path = require('path');
var fork = require('child_process').fork;

var MB = 1024 * 1024;
var big = '';
while (big.length < MB) big += 'x\u00e9\u20ac\ud83d\ude00"\\\n' + big.length;
var bigArray = [];
for (var i = 0; i < 100000; i++) bigArray.push(i * 3);

var child = fork(path.join(common.fixturesDir, 'fork-echo.js'));
var step = 0;
child.on('message', function(m) {
  switch (step++) {
    case 0:
      assert.ok(m.ready);
      child.send(big);
      child.send({ list: bigArray, tail: 'after' });
      child.send({ cmd: 'big', size: 2 * MB });
      break;
    case 1:
      assert.strictEqual(m.length, big.length);
      assert.ok(m === big);
      break;
    case 2:
      assert.deepEqual(m.list, bigArray);
      assert.strictEqual(m.tail, 'after');
      break;
    case 3:
      assert.strictEqual(m.big.length, 2 * MB);
      assert.strictEqual(m.big.slice(0, 9), 'abc\u00e9\u20ac\ud83d\ude00\n"');
      child.kill();
      break;
    default:
      assert.fail('unexpected message');
  }
});
child.on('exit', common.mustCall(function(code, signal) {
  assert.strictEqual(signal, 'SIGTERM');
  assert.strictEqual(step, 4);
}));
