// Messages of every JSON kind go both ways over fork()'s channel and arrive equal and in order;
// the child sees process.send, not NODE_CHANNEL_FD, and its own arguments.
var common = require('../common');
var assert = require('assert');
var path = require('path');
var fork = require('child_process').fork;

var messages = [
  { hello: 'world' },
  'a string',
  42,
  -1.5,
  true,
  false,
  null,
  '',
  0,
  {},
  [],
  [1, 'two', { three: 3 }],
  { nested: { deep: { array: [{ x: 1 }, [2, [3, [4]]]],
                      text: 'line\nbreak\r\n "quoted" \\ \u2028\u2029 \u00e9 \u20ac \ud83d\ude00' } } },
  'ends with a newline\n',
  { date: new Date(0) }
];
var expected = JSON.parse(JSON.stringify(messages));

var child = fork(path.join(common.fixturesDir, 'fork-echo.js'), ['one', 'two']);
var echoed = [];
var ready = false;
child.on('message', function(m, handle) {
  assert.strictEqual(handle, undefined);
  if (!ready) {
    ready = true;
    assert.deepEqual(m, { ready: true, pid: child.pid, channelFd: 'undefined',
                          argv: ['one', 'two'] });
    return;
  }
  echoed.push(m);
  if (echoed.length === messages.length) child.send({ cmd: 'exit', code: 0 });
});
messages.forEach(function(m) { assert.strictEqual(child.send(m), true); });

child.on('exit', common.mustCall(function(code, signal) {
  assert.strictEqual(code, 0);
  assert.strictEqual(signal, null);
  assert.deepEqual(echoed, expected);
  assert.strictEqual(typeof echoed[2], 'number');
  assert.strictEqual(echoed[6], null);
  assert.strictEqual(echoed[12].nested.deep.text, messages[12].nested.deep.text);
}));
