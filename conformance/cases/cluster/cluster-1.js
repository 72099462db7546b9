// cluster.markdown example 1: workers sharing an http server port.
// adaptation: port 0 instead of 8000 (tests never use fixed ports): each worker tells the master
// the port it got, which is the same shared port for all; the master records deaths and, once
// every worker listens and the port answers, kills them; the workers are otherwise the
// documented program.
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
  }).listen(0, function () {  // adaptation: was .listen(8000)
    process.send({ port: this.address().port });  // adaptation
  });
}

// check (master): every worker listens on one port, which answers "hello world", then every
// worker dies when killed.
var deaths = 0;
if (cluster.isMaster) {
  var ports = [];
  workers.forEach(function (w) {
    w.on('message', function (m) {
      ports.push(m.port);
      if (ports.length === numCPUs) poll();
    });
  });
  var poll = function () {
    http.get({ host: '127.0.0.1', port: ports[0], path: '/' }, function (res) {
      var body = '';
      res.setEncoding('utf8');
      res.on('data', function (d) { body += d; });
      res.on('end', function () {
        assert.strictEqual(body, 'hello world\n');
        workers.forEach(function (w) { w.kill(); });
      });
    }).on('error', function () { setTimeout(poll, 50); });
  };
  process.on('exit', function () {
    assert.strictEqual(deaths, numCPUs);
    assert.strictEqual(ports.length, numCPUs);
    ports.forEach(function (p) { assert.strictEqual(p, ports[0]); });
  });
}
