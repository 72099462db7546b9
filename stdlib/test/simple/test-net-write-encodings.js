// The encodings a socket write and an HTTP response body take, missing ones included (undefined
// and null are utf8), in any case ('UTF-8', 'Binary'), and the chunk sizes an HTTP response
// announces for them (a chunked body's size is its byte length in that encoding). An unknown
// encoding is a TypeError.
var common = require('../common');
var assert = require('assert');
var net = require('net');
var http = require('http');

var writes = [
  ['a', undefined, [0x61]],
  ['\u00e9', null, [0xc3, 0xa9]],
  ['\u00e9', 'binary', [0xe9]],
  ['\u00e9', 'Binary', [0xe9]],
  ['\u00e9', 'UTF-8', [0xc3, 0xa9]],
  ['hi', 'ascii', [0x68, 0x69]],
  ['aGk=', 'base64', [0x68, 0x69]],
  ['6869', 'hex', [0x68, 0x69]]
];
var expected = [];
writes.forEach(function(w) { expected = expected.concat(w[2]); });

var server = net.createServer(function(socket) {
  var got = [];
  socket.on('data', function(d) { for (var i = 0; i < d.length; i++) got.push(d[i]); });
  socket.on('end', function() {
    assert.deepEqual(got, expected);
    server.close();
    httpPart();
  });
});
server.listen(0, '127.0.0.1', function() {
  var client = net.connect(server.address().port, '127.0.0.1', function() {
    writes.forEach(function(w) { client.write(w[0], w[1]); });
    assert.throws(function() { client.write('x', 'bogus'); }, TypeError);
    client.end();
  });
});

// res.end(body, encoding), chunked: the size line and the bytes.
function httpPart() {
  var bodies = [
    ['\u00e9', undefined, '2', [0xc3, 0xa9]],
    ['\u00e9', 'binary', '1', [0xe9]],
    ['\u00e9\u00e9', 'UTF-8', '4', [0xc3, 0xa9, 0xc3, 0xa9]],
    ['ok', 'ascii', '2', [0x6f, 0x6b]]
  ];
  var index = 0;
  var web = http.createServer(function(req, res) {
    var b = bodies[Number(req.url.slice(1))];
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end(b[0], b[1]);
  });
  web.listen(0, '127.0.0.1', function next() {
    if (index === bodies.length) {
      web.close();
      console.log('ok');
      return;
    }
    var b = bodies[index];
    var raw = net.connect(web.address().port, '127.0.0.1', function() {
      raw.end('GET /' + index + ' HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    });
    var got = [];
    raw.on('data', function(d) { for (var i = 0; i < d.length; i++) got.push(d[i]); });
    raw.on('end', function() {
      var text = String.fromCharCode.apply(null, got);
      var bodyAt = text.indexOf('\r\n\r\n') + 4;
      var sizeEnd = text.indexOf('\r\n', bodyAt);
      assert.strictEqual(text.slice(bodyAt, sizeEnd), b[2], 'chunk size for ' + b[1]);
      assert.deepEqual(got.slice(sizeEnd + 2, sizeEnd + 2 + b[3].length), b[3]);
      assert.strictEqual(text.slice(sizeEnd + 2 + b[3].length), '\r\n0\r\n\r\n');
      index++;
      next();
    });
  });
}
