// Thousands of messages sent at once each way arrive complete and in order, although they are
// split across reads at arbitrary points (inside JSON and inside multi-byte characters).
var common = require('../common');
var assert = require('assert');
var path = require('path');
var fork = require('child_process').fork;

var N = 5000;
var child = fork(path.join(common.fixturesDir, 'fork-echo.js'));
var echoed = 0;
var burst = 0;

function pad(i) {
  var s = '';
  while (s.length < i % 131) s += '\u00e9\u20ac\ud83d\ude00x';
  return s;
}

child.on('message', function(m) {
  if (m.ready) {
    for (var i = 0; i < N; i++) child.send({ i: i, pad: pad(i) });
    child.send({ cmd: 'burst', n: N });
    return;
  }
  if (m.i !== undefined) {
    assert.strictEqual(m.i, echoed);
    assert.strictEqual(m.pad, pad(m.i));
    echoed++;
    return;
  }
  assert.strictEqual(m.seq, burst);
  assert.strictEqual(m.pad.length, burst % 97);
  burst++;
  if (burst === N) child.send({ cmd: 'exit', code: 0 });
});

child.on('exit', common.mustCall(function(code) {
  assert.strictEqual(code, 0);
  assert.strictEqual(echoed, N);
  assert.strictEqual(burst, N);
}));
