// Header names a peer sends cannot shadow what the application calls on req.headers nor change
// its prototype: `__proto__` is an own property, `constructor` a plain value (not appended to
// the inherited function), and hasOwnProperty still works.
var common = require('../common');
var assert = require('assert');
var http = require('http');
var net = require('net');

var server = http.createServer(common.mustCall(function(req, res) {
  var h = req.headers;
  assert.strictEqual(Object.getPrototypeOf(h), Object.prototype);
  assert.strictEqual(h.hasOwnProperty('x-a'), true);
  assert.strictEqual(h.hasOwnProperty('x-b'), false);
  assert.strictEqual(typeof h.toString, 'function');
  assert.strictEqual(h.constructor, 'c0, c1');
  assert.ok(Object.prototype.hasOwnProperty.call(h, '__proto__'));
  assert.strictEqual(Object.getOwnPropertyDescriptor(h, '__proto__').value, 'p0, p1');
  assert.strictEqual(h.hasownproperty, 'x');
  assert.strictEqual(h.host, 'a');
  assert.strictEqual(req.trailers.hasOwnProperty('t'), false);
  res.end();
  server.close();
}));
server.listen(0, function() {
  var c = net.connect(server.address().port, function() {
    c.end('GET / HTTP/1.1\r\nHost: a\r\nconstructor: c0\r\n__proto__: p0\r\n' +
          'constructor: c1\r\n__proto__: p1\r\nhasOwnProperty: x\r\nx-a: 1\r\n\r\n');
  });
  c.resume();
});
