// An HTTP server gzips/deflates a file into its responses and the client inflates them: a few
// megabytes through fs stream -> zlib -> socket -> zlib on both formats, with backpressure.
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var http = require('http');
var path = require('path');
var zlib = require('zlib');

var file = path.join(common.tmpDir, 'zlib-http.txt');
var parts = [];
for (var i = 0; i < 200000; i++) parts.push('row ' + i + ' ' + ((i * 7919) % 10007) + '\n');
var content = parts.join('');
fs.writeFileSync(file, content);

var server = http.createServer(function(req, res) {
  var accept = req.headers['accept-encoding'] || '';
  var raw = fs.createReadStream(file);
  if (/\bdeflate\b/.test(accept)) {
    res.writeHead(200, { 'content-encoding': 'deflate' });
    raw.pipe(zlib.createDeflate()).pipe(res);
  } else if (/\bgzip\b/.test(accept)) {
    res.writeHead(200, { 'content-encoding': 'gzip' });
    raw.pipe(zlib.createGzip({ level: 1 })).pipe(res);
  } else {
    res.writeHead(200, {});
    raw.pipe(res);
  }
});

var pending = 3;
server.listen(common.PORT, '127.0.0.1', function() {
  ['gzip', 'deflate', ''].forEach(function(encoding) {
    var req = http.get({
      host: '127.0.0.1',
      port: server.address().port,
      path: '/',
      headers: { 'accept-encoding': encoding }
    });
    req.on('response', common.mustCall(function(res) {
      assert.strictEqual(res.headers['content-encoding'], encoding || undefined);
      var wire = 0;
      res.on('data', function(c) { wire += c.length; });
      var body = encoding ? res.pipe(zlib.createUnzip()) : res;
      var text = [];
      body.on('data', function(c) { text.push(c.toString()); });
      body.on('end', common.mustCall(function() {
        assert.strictEqual(text.join(''), content, encoding);
        if (encoding) assert.ok(wire < content.length / 2, encoding + ': ' + wire + ' on the wire');
        if (--pending === 0) server.close();
      }));
    }));
  });
});
