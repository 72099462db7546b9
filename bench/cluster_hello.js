// bench/cluster.sh: the front-page hello world server under `cluster`, one worker per CPU (or
// the count given as the second argument), all sharing the port given as the first. Written
// with v0.6.3's API (cluster.isMaster, cluster.fork), which Node 20 still accepts.
var cluster = require('cluster');
var http = require('http');
var port = Number(process.argv[2]) || 8124;
var workers = Number(process.argv[3]) || require('os').cpus().length;

if (cluster.isMaster) {
  for (var i = 0; i < workers; i++) cluster.fork();
} else {
  http.createServer(function(request, response) {
    response.writeHead(200, {'Content-Type': 'text/plain'});
    response.end('Hello World\n');
  }).listen(port, '127.0.0.1');
}
