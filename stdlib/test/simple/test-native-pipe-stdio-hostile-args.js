// The native piping entry points (tcp_wrap/pipe_wrap handles) and process.binding('stdio_wrap')
// take hostile arguments with a thrown error or an error code, never a crash.
var common = require('../common');
var assert = require('assert');
var net = require('net');

var TCP = process.binding('tcp_wrap').TCP;
var Pipe = process.binding('pipe_wrap').Pipe;
var stdio = process.binding('stdio_wrap');

var hostile = [undefined, null, 0, -1, 1e300, NaN, '', 'x', {}, [], function() {},
               new Buffer(4), { get x() { throw new Error('getter'); } }];

function survives(fn) {
  try { fn(); } catch (e) { assert.ok(e instanceof Error, 'throws an Error: ' + e); }
}

var a = new TCP();
var b = new Pipe();
hostile.forEach(function(v) {
  survives(function() { a.pipeTo(v); });
  survives(function() { TCP.prototype.pipeTo.call(v, a); });
  survives(function() { TCP.prototype.unpipe.call(v); });
  survives(function() { TCP.prototype.pipedReadBytes.call(v); });
  survives(function() { new stdio.StdioPipe(v); });
  survives(function() { stdio.isPipe(v); });
  survives(function() { stdio.StdioPipe.prototype.write.call(v, 'x'); });
});
// A handle may pipe into another stream handle (or itself); anything else is refused.
assert.strictEqual(a.pipeTo({}), -22);  // UV_EINVAL
assert.strictEqual(a.pipeTo(b), 0);
a.unpipe();
a.unpipe();
assert.strictEqual(a.pipeTo(a), 0);
assert.strictEqual(a.pipedReadBytes(), 0);
assert.strictEqual(a.pipedWrittenBytes(), 0);
a.close();
b.close();
// A closed handle refuses everything.
assert.throws(function() { a.pipeTo(b); }, Error);

assert.throws(function() { new stdio.StdioPipe(-1); }, TypeError);
assert.throws(function() { new stdio.StdioPipe('1'); }, TypeError);
assert.strictEqual(stdio.isPipe(-1), false);
assert.strictEqual(stdio.isPipe(123456), false);
// A writer on a descriptor that is not open: the write fails with EBADF, the process lives.
var bad = new stdio.StdioPipe(987);
assert.throws(function() { bad.write('hello'); }, function(e) { return e.code === 'EBADF'; });
assert.throws(function() { bad.write(42); }, TypeError);
assert.strictEqual(bad.queued(), 0);

// Sockets still work after all that.
var server = net.createServer(function(s) { s.pipe(s); });
server.listen(0, '127.0.0.1', function() {
  var c = net.connect(server.address().port, '127.0.0.1', function() { c.end('ping'); });
  var got = '';
  c.setEncoding('utf8');
  c.on('data', function(d) { got += d; });
  c.on('end', common.mustCall(function() {
    assert.strictEqual(got, 'ping');
    server.close();
  }));
});
