// cluster.markdown example 1: workers sharing an http server port.
// adaptation: the master also records deaths and, once every worker answers on port 8000,
// kills them; the workers are the documented program.
var assert = require('assert');
var cluster = require('cluster');
var http = require('http');
var numCPUs = require('os').cpus().length;

if (cluster.isMaster) {
  // Fork workers.
  var workers = [];  // adaptation
  for (var i = 0; i < numCPUs; i++) {
    workers.push(cluster.fork());
  }

  cluster.on('death', function(worker) {
    console.log('worker ' + worker.pid + ' died');
    deaths++;
  });
} else {
  // Worker processes have a http server.
  http.Server(function(req, res) {
    res.writeHead(200);
    res.end("hello world\n");
  }).listen(8000);
}

// check (master): port 8000 answers "hello world", then every worker dies when killed.
var deaths = 0;
if (cluster.isMaster) {
  (function poll() {
    http.get({ host: '127.0.0.1', port: 8000, path: '/' }, function (res) {
      var body = '';
      res.setEncoding('utf8');
      res.on('data', function (d) { body += d; });
      res.on('end', function () {
        assert.strictEqual(body, 'hello world\n');
        workers.forEach(function (w) { w.kill(); });
      });
    }).on('error', function () { setTimeout(poll, 50); });
  })();
  process.on('exit', function () { assert.strictEqual(deaths, numCPUs); });
}
