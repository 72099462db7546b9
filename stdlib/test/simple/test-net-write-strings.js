// A stream handle's writeXString(req, data[, more...]) sends its strings as one write, as if
// they had been joined first (http.js sends a response's head and body so, through
// socket._writeStrings); writev takes strings and Buffers. Each write's bytes are checked on the
// other end, for every encoding, for Latin-1 and two-byte strings, and for writes longer than
// the binding's in-frame buffer (16 KiB). Bad arguments throw.
var common = require('../common');
var assert = require('assert');
var net = require('net');

var TCP = process.binding('tcp_wrap').TCP;

function concat(buffers) {
  var length = 0;
  buffers.forEach(function(b) { length += b.length; });
  var all = new Buffer(length), offset = 0;
  buffers.forEach(function(b) { b.copy(all, offset); offset += b.length; });
  return all;
}

function same(a, b) {
  if (a.length !== b.length) return false;
  for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

// Hostile arguments, on a handle that is not connected: every check comes before any write.
var handle = new TCP();
var req = {};
assert.throws(function() { handle.writeUtf8String(req); }, /^TypeError: data must be a string$/);
assert.throws(function() { handle.writeUtf8String(req, 'a', 1); },
              /^TypeError: data must be a string$/);
assert.throws(function() { handle.writeLatin1String(req, 'a', 'b', {}); },
              /^TypeError: data must be a string$/);
assert.throws(function() { handle.writeAsciiString(req, 'a', undefined); },
              /^TypeError: data must be a string$/);
assert.throws(function() { handle.writeUcs2String(req, 'a', null); },
              /^TypeError: data must be a string$/);
var seventeen = [req];
for (var k = 0; k < 17; k++) seventeen.push('s');
assert.throws(function() { handle.writeUtf8String.apply(handle, seventeen); },
              /^RangeError: at most 16 strings per write$/);
assert.throws(function() { handle.writeUtf8String(null, 'a', 'b'); },
              /^TypeError: req must be an object$/);
var ran = false;
var sneaky = { toString: function() { ran = true; return 'x'; } };
assert.throws(function() { handle.writeUtf8String(req, 'a', sneaky); }, TypeError);
assert.throws(function() { handle.writev(req, ['a', sneaky]); }, TypeError);
assert.strictEqual(ran, false);
assert.throws(function() { handle.writev(req, []); }, RangeError);
assert.throws(function() { handle.writev(req, 'a'); }, TypeError);
// Receivers that are not this kind of handle are refused by V8 (the methods' v8::Signature):
// plain objects, other handles, primitives, a TCP handle's prototype, an object made from it.
var Pipe = process.binding('pipe_wrap').Pipe;
var pipe = new Pipe();
var stranger = Object.create(TCP.prototype);
[{}, pipe, 1, 'x', null, undefined, TCP.prototype, stranger].forEach(function(receiver) {
  ['writeUtf8String', 'writeBuffer', 'writev', 'readStart', 'readStop', 'shutdown',
   'setNoDelay', 'getsockname', 'listen', 'pipedReadBytes', 'pipingTo'].forEach(function(m) {
    assert.throws(function() { TCP.prototype[m].call(receiver, req, 'a', 'b'); },
                  /^TypeError: Illegal invocation$/, m);
  });
});
pipe.close();
handle.close();
// A closed handle: the clear message, and nothing is written.
['writeUtf8String', 'writeLatin1String', 'readStart', 'setNoDelay', 'listen',
 'pipedReadBytes'].forEach(function(m) {
  assert.throws(function() { handle[m](req, 'a', 'b'); },
                /^TypeError: handle is closed or not a handle$/, m);
});

var big = new Array(5000).join('0123456789');         // ~50 KB, ASCII
var latin1 = 'caf\u00e9 \u00ff\u0080 na\u00efve';
var twoByte = '\u20ac \u4e2d\u6587 \ud83d\ude00';
var bigLatin1 = new Array(3000).join('\u00e9a\u00ff');  // ~9 KB, 2 bytes each in UTF-8

// [method name, pieces, the Buffer encoding that gives the expected bytes of the joined string]
var cases = [
  ['writeUtf8String', ['head\r\n', 'body'], 'utf8'],
  ['writeUtf8String', ['', 'a', ''], 'utf8'],
  ['writeUtf8String', [latin1, 'ascii', latin1, twoByte, 'x'], 'utf8'],
  ['writeUtf8String', [bigLatin1, bigLatin1, 'end'], 'utf8'],
  ['writeUtf8String', ['a', twoByte, latin1, 'b', twoByte, latin1], 'utf8'],
  ['writeUtf8String', ['s', 's', 's', 's', 's', 's', 's', 's', 's', 's', 's', 's', 's', 's', 's',
                       latin1], 'utf8'],
  ['writeUtf8String', [big, twoByte, big], 'utf8'],
  ['writeLatin1String', [latin1, twoByte, 'z'], 'binary'],
  ['writeAsciiString', [latin1, 'plain', twoByte], 'ascii'],
  ['writeUcs2String', ['a', twoByte, latin1], 'ucs2'],
  ['writeUcs2String', [big, 'b'], 'ucs2']
];

var expected = [];
cases.forEach(function(c) {
  var joined = c[1].join('');
  var bytes = new Buffer(joined, c[2]);
  if (c[0] === 'writeAsciiString') {
    for (var i = 0; i < bytes.length; i++) bytes[i] &= 0x7f;
  }
  expected.push(bytes);
});
// writev: strings (UTF-8) and Buffers in one write.
var vchunks = [latin1, new Buffer([1, 2, 3]), twoByte, big, new Buffer('tail')];
expected.push(concat([new Buffer(latin1), new Buffer([1, 2, 3]), new Buffer(twoByte),
                             new Buffer(big), new Buffer('tail')]));
// socket._writeStrings in each encoding it takes, and an encoding it hands to write().
var socketCases = [
  ['utf8', ['H\r\n', latin1, twoByte]],
  ['binary', ['H', latin1]],
  ['ascii', [latin1, 'x']],
  ['hex', ['6162', '63']],
  [undefined, [big, latin1]]
];
socketCases.forEach(function(c) {
  expected.push(new Buffer(c[1].join(''), c[0] === undefined ? 'utf8' : c[0]));
  if (c[0] === 'ascii') {
    var b = expected[expected.length - 1];
    for (var i = 0; i < b.length; i++) b[i] &= 0x7f;
  }
});
var total = expected.reduce(function(n, b) { return n + b.length; }, 0);

var received = [];
var server = net.createServer(function(conn) {
  conn.on('data', function(d) { received.push(d); });
  conn.on('end', common.mustCall(function() {
    var all = concat(received);
    assert.strictEqual(all.length, total);
    var offset = 0;
    expected.forEach(function(bytes, i) {
      var got = all.slice(offset, offset + bytes.length);
      assert.ok(same(got, bytes), 'write ' + i + ' differs');
      offset += bytes.length;
    });
    conn.end();
    server.close();
  }));
});

server.listen(0, '127.0.0.1', common.mustCall(function() {
  var client = net.connect(server.address().port, '127.0.0.1');
  // Before the connection is made, _writeStrings goes through write()'s queue.
  client._writeStrings('utf8', 'early ', 'bytes');
  expected.unshift(new Buffer('early bytes'));
  total += 11;
  client.on('connect', common.mustCall(function() {
    // A socket whose _write is its own gets the joined string through it.
    var own = [];
    client._write = function(data, encoding, callback) {
      own.push([data, encoding]);
      return net.Socket.prototype._write.call(this, data, encoding, callback);
    };
    client._writeStrings('binary', 'own ', '_write');
    assert.deepEqual(own, [['own _write', 'binary']]);
    expected.splice(1, 0, new Buffer('own _write'));
    total += 10;
    delete client._write;
    var h = client._handle;
    cases.forEach(function(c) {
      var r = { oncomplete: function() {} };
      var err = h[c[0]].apply(h, [r].concat(c[1]));
      assert.strictEqual(err, 0);
    });
    assert.strictEqual(h.writev({ oncomplete: function() {} }, vchunks), 0);
    socketCases.forEach(function(c) {
      client._writeStrings.apply(client, [c[0]].concat(c[1]));
    });
    client.end();
  }));
}));
