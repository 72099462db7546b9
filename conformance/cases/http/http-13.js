// http.markdown example 13: a POST with http.request, writing the body in two parts.
// adaptation: www.google.com:80 is replaced by a local server started here (which echoes the
// body it receives), and the printed lines are recorded and checked at the end.
var assert = require('assert');
var http = require('http');

// adaptation: the local stand-in for www.google.com.
var server = http.createServer(function(req, res) {
  assert.strictEqual(req.method, 'POST');
  assert.strictEqual(req.url, '/upload');
  var body = '';
  req.on('data', function(chunk) { body += chunk; });
  req.on('end', function() {
    res.writeHead(200, {'Content-Type': 'text/plain'});
    res.end(body);
    server.close();
  });
});
var lines = [];  // adaptation: console.log lines, recorded
function log(line) { lines.push(line); console.log(line); }

server.listen(0, function() {
var options = {
  host: 'localhost',  // adaptation: was 'www.google.com'
  port: server.address().port,  // adaptation: was 80
  path: '/upload',
  method: 'POST'
};

var req = http.request(options, function(res) {
  log('STATUS: ' + res.statusCode);
  log('HEADERS: ' + JSON.stringify(res.headers));
  res.setEncoding('utf8');
  res.on('data', function (chunk) {
    log('BODY: ' + chunk);
  });
});

req.on('error', function(e) {
  log('problem with request: ' + e.message);
});

// write data to request body
req.write('data\n');
req.write('data\n');
req.end();
});

process.on('exit', function() {
  assert.strictEqual(lines[0], 'STATUS: 200');
  assert.strictEqual(lines[1], 'HEADERS: {"content-type":"text/plain",' +
                     '"connection":"keep-alive","transfer-encoding":"chunked"}');
  assert.strictEqual(lines.slice(2).join('').replace(/BODY: /g, ''), 'data\ndata\n');
});
