// http.markdown example 14: http.get.
// adaptation: www.google.com:80 is replaced by a local server started here, and the printed
// line is recorded and checked at the end.
var assert = require('assert');
var http = require('http');

// adaptation: the local stand-in for www.google.com.
var server = http.createServer(function(req, res) {
  assert.strictEqual(req.url, '/index.html');
  res.writeHead(200, {'Content-Type': 'text/html'});
  res.end('<html></html>');
  server.close();
});
var lines = [];  // adaptation: console.log lines, recorded

server.listen(0, function() {
var options = {
  host: 'localhost',  // adaptation: was 'www.google.com'
  port: server.address().port,  // adaptation: was 80
  path: '/index.html'
};

http.get(options, function(res) {
  console.log("Got response: " + res.statusCode);
  lines.push("Got response: " + res.statusCode);  // adaptation
}).on('error', function(e) {
  console.log("Got error: " + e.message);
  lines.push("Got error: " + e.message);  // adaptation
});
});

process.on('exit', function() { assert.deepEqual(lines, ['Got response: 200']); });
