// process.binding('tls_wrap') with bad arguments: TypeErrors and Errors, never a crash. Also
// use after close(), calls on foreign receivers, and many connections left to the collector.
var common = require('../common');
var assert = require('assert');
var crypto = require('crypto');
var fs = require('fs');

var binding = process.binding('tls_wrap');
var Connection = binding.Connection;
var keys = common.fixturesDir + '/keys/';
var credentials = crypto.createCredentials({
  key: fs.readFileSync(keys + 'rsa_private.pem'),
  cert: fs.readFileSync(keys + 'localhost_cert.pem')
});
var context = credentials.context;

// Constructor arguments.
assert.throws(function() { Connection(context, true); }, TypeError);
[undefined, null, 1, 'x', {}, [], new Buffer(10), crypto.createHash('sha1'),
 new (process.binding('crypto').SecureContext)()].forEach(function(bad) {
  assert.throws(function() { new Connection(bad, true); }, TypeError);
});
assert.throws(function() { new Connection(context, 'yes'); }, TypeError);
assert.throws(function() { new Connection(context, true, 1); }, TypeError);
assert.throws(function() { new Connection(context, true, false, {}); }, TypeError);
assert.throws(function() { new Connection(context, false, false, false, 42); }, TypeError);
assert.throws(function() {
  new Connection(context, false, false, false, new Array(300).join('a'));
}, TypeError);
assert.throws(function() { new Connection(context, false, false, false, 'a\u0000b'); }, TypeError);

// A closed SecureContext cannot make connections.
var closed = crypto.createCredentials().context;
closed.close();
assert.throws(function() { new Connection(closed, false); }, TypeError);

// Method arguments.
var conn = new Connection(context, true, false, false);
[undefined, null, 1, 'string', {}, []].forEach(function(bad) {
  assert.throws(function() { conn.encIn(bad); }, TypeError);
  assert.throws(function() { conn.clearIn(bad); }, TypeError);
  assert.throws(function() { conn.clearInv(bad); }, TypeError);
  assert.throws(function() { conn.clearInv([new Buffer(1), bad]); }, TypeError);
});
assert.strictEqual(conn.clearInv([new Buffer('ea'), new Buffer('rly')]), 0);
assert.strictEqual(conn.encIn(new Buffer(0)), 0);
assert.strictEqual(conn.clearIn(new Buffer('early')), 0);  // Handshake not done.
assert.strictEqual(conn.clearOut().length, 0);
assert.strictEqual(conn.encOut().length, 0);
assert.strictEqual(conn.start(), false);
assert.strictEqual(conn.isInitFinished(), false);
assert.strictEqual(conn.getPeerCertificate(), null);
assert.strictEqual(conn.getCipher(), null);
assert.strictEqual(conn.getServername(), null);
assert.strictEqual(conn.receivedShutdown(), false);
conn.shutdown();  // Nothing to shut down yet: harmless.
assert.strictEqual(conn.verifyError().code, 'UNABLE_TO_GET_ISSUER_CERT');

// Garbage as a ClientHello: an Error from OpenSSL, with a code.
assert.strictEqual(conn.encIn(new Buffer('GET / HTTP/1.1\r\n\r\n')), 18);
assert.throws(function() { conn.start(); }, function(err) {
  return err instanceof Error && /^ERR_OSSL_/.test(err.code);
});

// Views of all kinds are bytes.
var client = new Connection(context, false, false, false, 'localhost');
client.start();
var hello = client.encOut();
assert.ok(hello.length > 0);
var server = new Connection(context, true);
assert.strictEqual(server.encIn(new DataView(hello.buffer, hello.byteOffset, hello.byteLength)),
                   hello.length);
server.start();
assert.ok(server.encPending() > 0);
assert.strictEqual(server.getServername(), 'localhost');

// addSNIContext: servers only, before the handshake, a real pattern and context.
var sniServer = new Connection(context, true);
[undefined, 1, '', new Array(300).join('a'), 'a\u0000b'].forEach(function(bad) {
  assert.throws(function() { sniServer.addSNIContext(bad, context); }, TypeError);
});
[undefined, null, {}, closed].forEach(function(bad) {
  assert.throws(function() { sniServer.addSNIContext('*.test', bad); }, TypeError);
});
sniServer.addSNIContext('*.test', context);
assert.throws(function() { client.addSNIContext('*.test', context); }, TypeError);
assert.throws(function() { server.addSNIContext('*.test', context); }, /already started/);
sniServer.close();

// noteSent(bytes) takes a byte count. Past the burst it returns false and onafterpoll() follows
// once the loop has polled, once however often noteSent asked; a connection with no onafterpoll,
// one whose getter throws, one closed or dropped meanwhile: nothing is called, nothing crashes.
var burst = new Connection(context, true);
[undefined, null, '1', {}, [], new Buffer(1)].forEach(function(bad) {
  assert.throws(function() { burst.noteSent(bad); }, TypeError);
});
[-1, NaN, Infinity, -Infinity, Math.pow(2, 60)].forEach(function(bad) {
  assert.throws(function() { burst.noteSent(bad); }, RangeError);
});
assert.throws(function() { Connection.prototype.noteSent.call({}, 1); }, TypeError);
assert.strictEqual(burst.noteSent(0), true);
assert.strictEqual(burst.noteSent(1000), true);
var pollSeen = false;
setImmediate(function() { pollSeen = true; });  // a 0 ms timer: runs before this turn's poll
burst.onafterpoll = common.mustCall(function() {
  assert.ok(pollSeen);
  assert.strictEqual(this, burst);
  // A new burst may start; this one is closed before its turn comes.
  assert.strictEqual(burst.noteSent(1e9), false);
  burst.close();
  assert.throws(function() { burst.noteSent(1); }, /closed/);
});
assert.strictEqual(burst.noteSent(1e9), false);
assert.strictEqual(burst.noteSent(1), false);
var silent = new Connection(context, true);
assert.strictEqual(silent.noteSent(1e9), false);
silent.onafterpoll = 42;
var getterThrows = new Connection(context, true);
Object.defineProperty(getterThrows, 'onafterpoll', {
  get: function() { throw new Error('from a getter'); }
});
assert.strictEqual(getterThrows.noteSent(1e9), false);
var closedEarly = new Connection(context, true);
closedEarly.onafterpoll = function() { assert.fail('onafterpoll after close()'); };
assert.strictEqual(closedEarly.noteSent(1e9), false);
closedEarly.close();
(function() {
  for (var i = 0; i < 50; i++) new Connection(context, true).noteSent(1e9);
})();
if (typeof gc === 'function') gc();

// After close() every method throws, close() again is fine.
conn.close();
conn.close();
['encOut', 'encPending', 'start', 'clearOut', 'isInitFinished', 'receivedShutdown', 'shutdown',
 'verifyError', 'getPeerCertificate', 'getCipher', 'getServername'].forEach(function(name) {
  assert.throws(function() { conn[name](); }, /closed/, name);
});
assert.throws(function() { conn.encIn(new Buffer(1)); }, /closed/);
assert.throws(function() { conn.clearIn(new Buffer(1)); }, /closed/);
assert.throws(function() { conn.addSNIContext('x', context); }, /closed/);
assert.throws(function() { conn.noteSent(1); }, /closed/);

// Methods on the wrong receiver.
assert.throws(function() { Connection.prototype.encOut.call({}); }, TypeError);
assert.throws(function() { Connection.prototype.start.call(context); }, TypeError);
assert.throws(function() { Connection.prototype.clearOut.call(Object.create(Connection.prototype)); },
              TypeError);

// Many abandoned connections mid-handshake: freed by the collector (ASan checks the frees).
for (var i = 0; i < 200; i++) {
  var c = new Connection(context, false);
  c.start();
}
if (typeof gc === 'function') gc();

// attachSocket(): anything but an open stream handle is refused. An attached connection whose
// onencread getter throws still takes the socket's bytes (they wait inside it); one closed while
// attached lets go of the handle, whose bytes then reach JS as 'data' again.
var net = require('net');
var attached = new Connection(context, true);
[undefined, null, 1, {}, new Buffer(1), context].forEach(function(bad) {
  assert.strictEqual(attached.attachSocket(bad), false);
});
assert.throws(function() { Connection.prototype.attachSocket.call({}, null); }, TypeError);
Object.defineProperty(attached, 'onencread', {
  get: function() { throw new Error('from a getter'); }
});
var accepted = 0;
var netServer = net.createServer(function(socket) {
  var first = ++accepted === 1;
  var conn = first ? attached : new Connection(context, true);
  assert.strictEqual(conn.attachSocket(socket._handle), true);
  if (!first) conn.close();  // before any read: the bytes go to JS
  var got = 0;
  socket.on('data', function(d) { got += d.length; });
  socket.on('end', common.mustCall(function() {
    if (first) {
      assert.strictEqual(got, 0);
      assert.strictEqual(socket.bytesRead, 5000);  // (counting the bytes taken natively)
      conn.close();
    } else {
      assert.strictEqual(got, 5000);
    }
    socket.end();
  }));
  socket.on('close', common.mustCall(function() {
    assert.throws(function() { conn.attachSocket(null); }, /closed/);
    conn.detachSocket();
    if (first) connectAndSend(); else netServer.close();
  }));
});
function connectAndSend() {
  var client = net.connect(netServer.address().port, '127.0.0.1');
  client.end(new Buffer(5000));
}
netServer.listen(0, '127.0.0.1', connectAndSend);
