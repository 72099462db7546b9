// One backend of the nginx example (examples/nginx/README.md): the front-page hello world server,
// saying which process answered. Usage: app.js <port> [name]. Prints "ready <port>" once
// listening. Several of these run behind nginx, the way v0.6 programs were deployed at scale.
var http = require('http');

var port = Number(process.argv[2]);
var name = process.argv[3] || 'backend-' + port;
if (!(port > 0 && port < 65536)) {
  console.error('usage: app.js <port> [name]');
  process.exit(2);
}

var served = 0;
http.createServer(function(req, res) {
  served++;
  var body = 'Hello World from ' + name + ' (request ' + served + ', ' + req.method + ' ' +
      req.url + ', forwarded for ' + (req.headers['x-forwarded-for'] || '-') + ')\n';
  res.writeHead(200, {
    'Content-Type': 'text/plain',
    'Content-Length': Buffer.byteLength(body),
    'X-Backend': name
  });
  res.end(body);
}).listen(port, '127.0.0.1', function() {
  console.log('ready ' + port);
});

// nginx (or run.sh) stops the backends with SIGTERM; say so and exit cleanly.
process.on('SIGTERM', function() {
  console.log(name + ' served ' + served + ' requests');
  process.exit(0);
});
