// Data written (and end() called) before the handshake is done waits for it and then goes out
// in order; the write callbacks run; tls.connect takes (port, options, cb) and (port, host, cb).
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var tls = require('tls');

var keys = common.fixturesDir + '/keys/';
var server = tls.createServer({
  key: fs.readFileSync(keys + 'rsa_private.pem'),
  cert: fs.readFileSync(keys + 'localhost_cert.pem')
}, function(s) {
  var got = '';
  s.setEncoding('utf8');
  s.on('data', function(d) { got += d; });
  s.on('end', function() {
    s.end('server got ' + got);
  });
});

var replies = [];
var lastPort;
server.listen(common.PORT, '127.0.0.1', function() {
  var port = lastPort = server.address().port;
  var a = tls.connect(port, { host: '127.0.0.1' }, common.mustCall(function() {
    assert.strictEqual(a.authorized, false);
  }));
  assert.strictEqual(typeof a.write('one,', common.mustCall()), 'boolean');  // Queued.
  a.write(new Buffer('two,'));
  a.end('three');
  assert.strictEqual(a.writable, false);
  a.on('data', function(d) { replies.push(String(d)); });
  a.on('end', common.mustCall(function() {
    assert.deepEqual(replies, ['server got one,two,three']);
    var b = tls.connect(port, '127.0.0.1', common.mustCall(function() {
      b.end('x');
    }));
    var reply = '';
    b.on('data', function(d) { reply += d; });
    b.on('close', common.mustCall(function() {
      assert.strictEqual(reply, 'server got x');
      server.close(common.mustCall(refused));
    }));
  }));
});

// Nobody listens any more: the socket's error reaches the cleartext stream, then 'close'.
function refused() {
  var c = tls.connect(lastPort, '127.0.0.1', function() {
    assert.fail('secureConnect without a server');
  });
  c.write('lost');
  c.on('error', common.mustCall(function(err) {
    assert.strictEqual(err.code, 'ECONNREFUSED');
  }));
  c.on('close', common.mustCall());
}
