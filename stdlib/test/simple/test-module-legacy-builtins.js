// Module names v0.6.3 could require besides the documented ones, with their v0.6.3 exports:
// constants, freelist, _linklist, buffer_ieee754, _debugger (npm 1.1 needs constants).
var common = require('../common');
var assert = require('assert');

// constants: the platform's numbers, the same object as the binding.
var constants = require('constants');
assert.strictEqual(constants, process.binding('constants'));
assert.strictEqual(typeof constants.O_RDONLY, 'number');
assert.strictEqual(constants.S_IFMT, 61440);
assert.strictEqual(constants.S_IFREG, 32768);
assert.strictEqual(typeof constants.O_CREAT, 'number');

// freelist: alloc reuses what free kept, up to max.
var FreeList = require('freelist').FreeList;
var made = 0;
var list = new FreeList('things', 2, function(tag) { made++; return { tag: tag }; });
assert.strictEqual(list.name, 'things');
var a = list.alloc('a');
var b = list.alloc('b');
var c = list.alloc('c');
assert.deepEqual([a.tag, b.tag, c.tag, made], ['a', 'b', 'c', 3]);
list.free(a);
list.free(b);
list.free(c);             // over max: dropped
assert.strictEqual(list.list.length, 2);
assert.strictEqual(list.alloc('d'), a);   // first freed, first reused
assert.strictEqual(list.alloc('e'), b);
assert.strictEqual(list.alloc('f').tag, 'f');
assert.strictEqual(made, 4);

// _linklist: an intrusive circular list.
var L = require('_linklist');
var head = {};
L.init(head);
assert.ok(L.isEmpty(head));
assert.strictEqual(L.peek(head), null);
assert.strictEqual(L.shift(head), null);
var x = { n: 1 }, y = { n: 2 }, z = { n: 3 };
L.append(head, x);
L.append(head, y);
L.append(head, z);
assert.ok(!L.isEmpty(head));
assert.strictEqual(L.peek(head), x);
L.remove(y);
assert.strictEqual(y._idleNext, null);
assert.strictEqual(L.shift(head), x);
L.append(head, x);          // to the back again
assert.strictEqual(L.shift(head), z);
assert.strictEqual(L.shift(head), x);
assert.ok(L.isEmpty(head));
var other = {};
L.init(other);
L.append(head, y);
L.append(other, y);         // moves it
assert.ok(L.isEmpty(head));
assert.strictEqual(L.peek(other), y);

// buffer_ieee754: agrees bit for bit with the engine's own float and double encodings.
var ieee = require('buffer_ieee754');
var values = [0, -0, 1, -1, 0.1, -2.5, 1 / 3, Math.PI, 1e-40, 1e-310, 5e-324, 3.4028234663852886e38,
              3.5e38, 1.7976931348623157e308, 1e300, -1e-300, Infinity, -Infinity, NaN, 16777217,
              1.401298464324817e-45, 7e-46, 1.1754943508222875e-38, 65504, 123456.789];
var f32 = new Float32Array(1), f64 = new Float64Array(1);
values.forEach(function(v) {
  [true, false].forEach(function(isBE) {
    [[23, 4, f32], [52, 8, f64]].forEach(function(layout) {
      var mLen = layout[0], n = layout[1], arr = layout[2];
      var buf = new Buffer(n + 2);
      buf.fill(0xaa);
      ieee.writeIEEE754(buf, v, 1, isBE, mLen, n);
      assert.strictEqual(buf[0], 0xaa);
      assert.strictEqual(buf[n + 1], 0xaa);
      arr[0] = v;
      var expected = new Uint8Array(arr.buffer);
      for (var i = 0; i < n; i++) {
        assert.strictEqual(buf[1 + (isBE ? n - 1 - i : i)], expected[i],
                           'byte ' + i + ' of ' + v + ' (' + n + ' bytes, BE ' + isBE + ')');
      }
      var back = ieee.readIEEE754(buf, 1, isBE, mLen, n);
      if (v !== v) assert.ok(back !== back);
      else assert.ok(Object.is(back, arr[0]), v + ' read back as ' + back);
    });
  });
});
// A layout of its own: a 16-bit half float (10-bit mantissa).
var half = new Buffer(2);
ieee.writeIEEE754(half, 1.5, 0, true, 10, 2);
assert.deepEqual([half[0], half[1]], [0x3e, 0x00]);
assert.strictEqual(ieee.readIEEE754(half, 0, true, 10, 2), 1.5);
ieee.writeIEEE754(half, 65504, 0, false, 10, 2);
assert.deepEqual([half[0], half[1]], [0xff, 0x7b]);
ieee.writeIEEE754(half, 70000, 0, false, 10, 2);
assert.strictEqual(ieee.readIEEE754(half, 0, false, 10, 2), Infinity);

// _debugger: v0.6.3's exports; the Protocol parses Content-Length framing split anywhere.
var dbg = require('_debugger');
assert.strictEqual(dbg.port, 5858);
assert.strictEqual(typeof dbg.start, 'function');
assert.ok(new dbg.Client() instanceof require('net').Stream);
var p = new dbg.Protocol();
var got = [];
p.onResponse = function(res) { got.push(res); };
var body1 = JSON.stringify({ seq: 1, type: 'event', event: 'break', body: { text: 'h\u00e9llo \u2603' } });
var wire = 'Type: connect\r\nV8-Version: 3.6\r\nContent-Length: 0\r\n\r\n' +
           'Content-Length: ' + Buffer.byteLength(body1) + '\r\n\r\n' + body1;
for (var i = 0; i < wire.length; i += 7) p.execute(wire.slice(i, i + 7));
assert.strictEqual(got.length, 2);
assert.strictEqual(got[0].headers.Type, 'connect');
assert.strictEqual(got[0].headers['V8-Version'], '3.6');
assert.strictEqual(got[1].body.event, 'break');
assert.strictEqual(got[1].body.body.text, 'h\u00e9llo \u2603');
var req = p.serialize({ command: 'version' });
var m = /^Content-Length: (\d+)\r\n\r\n(.*)$/.exec(req);
assert.ok(m);
assert.strictEqual(+m[1], Buffer.byteLength(m[2]));
assert.deepEqual(JSON.parse(m[2]).command, 'version');
assert.strictEqual(JSON.parse(m[2]).type, 'request');
assert.throws(function() {
  new dbg.Protocol().execute('No-Length: 1\r\n\r\n');
}, /Content-Length/);
