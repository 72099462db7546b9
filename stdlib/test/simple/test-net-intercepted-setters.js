// Properties that the stream and HTTP parser bindings put on objects are defined, not assigned:
// setters (or read-only properties) that JS placed on the handle, on a caller's request object,
// on Object.prototype or on Error.prototype are never called, and a throwing one is never a
// fatal error in native code.
var common = require('../common');
var assert = require('assert');
var net = require('net');
var HTTPParser = process.binding('http_parser').HTTPParser;

function thrower(name) {
  return { configurable: true, set: function() { throw new Error('setter ' + name + ' ran'); } };
}

// 1. A parse error's code, reason and bytesParsed, with throwing setters on Error.prototype.
['code', 'reason', 'bytesParsed'].forEach(function(name) {
  Object.defineProperty(Error.prototype, name, thrower(name));
});
var parser = new HTTPParser(HTTPParser.REQUEST);
var bad = new Buffer('GET \u0000 HTTP/1.1\r\n\r\n', 'binary');
var err = parser.execute(bad, 0, bad.length);
['code', 'reason', 'bytesParsed'].forEach(function(name) {
  delete Error.prototype[name];
});
assert.ok(err instanceof Error);
assert.ok(/^HPE_/.test(err.code), err.code);
assert.strictEqual(typeof err.reason, 'string');
assert.strictEqual(typeof err.bytesParsed, 'number');

// 2. A queued write: throwing setters for `buffer` on Object.prototype (the request object has
// no such property of its own) and for `writeQueueSize` on the handle.
var accepted;
var server = net.createServer(function(socket) {
  accepted = socket;
  socket.pause();  // reads nothing: the write queues
});
server.listen(0, '127.0.0.1', common.mustCall(function() {
  var client = net.connect(server.address().port, '127.0.0.1', common.mustCall(function() {
    var handle = client._handle;
    Object.defineProperty(Object.prototype, 'buffer', thrower('buffer'));
    Object.defineProperty(handle, 'writeQueueSize', thrower('writeQueueSize'));
    var req = {};
    var status;
    try {
      status = handle.writeBuffer(req, new Uint8Array(32 * 1024 * 1024));
    } finally {
      delete Object.prototype.buffer;
    }
    assert.strictEqual(status, 0);
    assert.strictEqual(process.binding('tcp_wrap').writeInfo[1], 1, 'the write is queued');
    assert.ok(handle.writeQueueSize > 0);
    client.destroy();
    if (accepted) accepted.destroy();
    server.close();
  }));
}));
