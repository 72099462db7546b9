// http.STATUS_CODES maps codes to v0.6.3's reason phrases, which writeHead uses by default.
var common = require('../common');
var assert = require('assert');
var http = require('http');

var codes = http.STATUS_CODES;
assert.equal(codes[100], 'Continue');
assert.equal(codes[200], 'OK');
assert.equal(codes[204], 'No Content');
assert.equal(codes[302], 'Moved Temporarily');
assert.equal(codes[304], 'Not Modified');
assert.equal(codes[404], 'Not Found');
assert.equal(codes[408], 'Request Time-out');
assert.equal(codes[413], 'Request Entity Too Large');
assert.equal(codes[414], 'Request-URI Too Large');
assert.equal(codes[418], 'I\'m a teapot');
assert.equal(codes[500], 'Internal Server Error');
assert.equal(codes[504], 'Gateway Time-out');
assert.equal(codes[509], 'Bandwidth Limit Exceeded');
assert.equal(codes[510], 'Not Extended');
assert.strictEqual(codes[299], undefined);
assert.equal(Object.keys(codes).length, 52);  // v0.6.3 had no 428, 429, 431 or 511
Object.keys(codes).forEach(function(code) {
  assert.ok(/^[1-5]\d\d$/.test(code), code);
  assert.equal(typeof codes[code], 'string');
});

var server = http.createServer(function(req, res) {
  res.writeHead(Number(req.url.slice(1)));
  res.end();
});
server.listen(common.PORT, function() {
  http.get({port: server.address().port, path: '/418'}, common.mustCall(function(res) {
    assert.equal(res.statusCode, 418);
    server.close();
  }));
});
