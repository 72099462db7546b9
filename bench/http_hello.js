// The front-page hello world server (synopsis.markdown), for bench/http_hello.sh: listens on
// 127.0.0.1 at the port given as the first argument and prints "ready" once listening. Runs
// under Nodus and under node alike.
var http = require('http');

var port = Number(process.argv[2]) || 8124;
http.createServer(function (request, response) {
  response.writeHead(200, {'Content-Type': 'text/plain'});
  response.end('Hello World\n');
}).listen(port, '127.0.0.1', function() {
  console.log('ready');
});
