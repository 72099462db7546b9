// setEncoding on requests and responses: 'data' gives strings decoded across chunk boundaries
// (a multi-byte character split between two chunks arrives whole); without it, Buffers.
var common = require('../common');
var assert = require('assert');
var http = require('http');

var euro = new Buffer('\u20ac', 'utf8');  // three bytes

var server = http.createServer(common.mustCall(function(req, res) {
  var parts = [];
  req.setEncoding('utf8');
  req.on('data', function(chunk) {
    assert.equal(typeof chunk, 'string');
    parts.push(chunk);
  });
  req.on('end', function() {
    assert.equal(parts.join(''), 'a\u20acb');
    res.writeHead(200, {});
    // The euro sign split over two chunks.
    res.write(euro.slice(0, 1));
    res.write(euro.slice(1, 3));
    res.end(new Buffer('base64 me'));
  });
}));

server.listen(common.PORT, function() {
  var req = http.request({port: server.address().port, method: 'POST'});
  req.write(new Buffer([0x61, euro[0], euro[1]]));
  req.end(new Buffer([euro[2], 0x62]));
  req.on('response', common.mustCall(function(res) {
    var body = '';
    res.setEncoding('utf8');
    res.on('data', function(chunk) {
      assert.equal(typeof chunk, 'string');
      assert.notEqual(chunk, '\ufffd');
      body += chunk;
    });
    res.on('end', common.mustCall(function() {
      assert.equal(body, '\u20acbase64 me');
      server.close();
    }));
  }));
});
