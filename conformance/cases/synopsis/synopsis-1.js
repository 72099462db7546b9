// synopsis.markdown example 1: the front-page 'Hello World' web server.
// adaptation: listen(0) instead of 8124 (tests never use fixed ports), so the console line shows
// the port actually bound (synopsis-1.out has a wildcard there); the case then checks the bytes
// of the server's response on the wire with a raw net client and closes the server.
var http = require('http');

var server = http.createServer(function (request, response) {
  response.writeHead(200, {'Content-Type': 'text/plain'});
  response.end('Hello World\n');
}).listen(0);  // adaptation: was .listen(8124)

// adaptation: logged once listening, with the bound port.
server.on('listening', function() {
  console.log('Server running at http://127.0.0.1:' + server.address().port + '/');
  check();
});

// adaptation: the check of the documented behaviour.
function check() {
  var assert = require('assert');
  var net = require('net');
  var client = net.connect(server.address().port, '127.0.0.1');
  var received = '';
  client.setEncoding('binary');
  client.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
  client.on('data', function(chunk) {
    received += chunk;
    if (/\r\n0\r\n\r\n$/.test(received)) client.end();
  });
  client.on('end', function() {
    assert.strictEqual(received,
                       'HTTP/1.1 200 OK\r\n' +
                       'Content-Type: text/plain\r\n' +
                       'Connection: keep-alive\r\n' +
                       'Transfer-Encoding: chunked\r\n' +
                       '\r\n' +
                       'c\r\nHello World\n\r\n' +
                       '0\r\n\r\n');
    server.close();
  });
}
