var common = require('../common');
var assert = require('assert');
var net = require('net');

// A multi-byte UTF-8 character split across two TCP reads is decoded whole by setEncoding.
var text = 'a\u20ac\ud83d\ude00b';  // 'a', a 3-byte euro sign, a 4-byte emoji, 'b'.
var bytes = new Buffer(text, 'utf8');

var server = net.createServer(function(socket) {
  socket.setNoDelay(true);
  // Send the bytes one at a time, each in its own packet.
  var i = 0;
  (function next() {
    if (i === bytes.length) return socket.end();
    socket.write(bytes.slice(i, i + 1));
    i++;
    setTimeout(next, 5);
  })();
});

server.listen(0, function() {
  var parts = [];
  var client = net.connect(server.address().port);
  client.setEncoding('utf8');
  client.on('data', function(d) {
    assert.strictEqual(typeof d, 'string');
    assert.ok(d.indexOf('\ufffd') === -1, 'a character was split: ' + JSON.stringify(d));
    parts.push(d);
  });
  client.on('end', common.mustCall(function() {
    assert.strictEqual(parts.join(''), text);
    assert.ok(parts.length > 1);
    server.close();
  }));
});
