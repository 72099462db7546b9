// cluster.markdown example 3: workers message the master on every request.
// adaptation: port 0 instead of 8000 (tests never use fixed ports): the workers share one port
// and tell the master which; the master makes three requests, and ends (process.exit) once
// numReqs reaches 3 after a numReqs line.
var assert = require('assert');
var cluster = require('cluster');
var http = require('http');
var numReqs = 0;

if (cluster.isMaster) {
  // Fork workers.
  var workers = [];  // adaptation
  for (var i = 0; i < 2; i++) {
    var worker = cluster.fork();
    workers.push(worker);

    worker.on('message', function(msg) {
      if (msg.cmd && msg.cmd == 'notifyRequest') {
        numReqs++;
      }
    });
  }

  setInterval(function() {
    console.log("numReqs =", numReqs);
    if (numReqs === 3) {  // adaptation: stop
      workers.forEach(function (w) { w.kill(); });
      process.exit(0);
    }
  }, 1000);
} else {
  // Worker processes have a http server.
  http.Server(function(req, res) {
    res.writeHead(200);
    res.end("hello world\n");
    // Send message to master process
    process.send({ cmd: 'notifyRequest' });
  }).listen(0, function () {  // adaptation: was .listen(8000)
    process.send({ port: this.address().port });  // adaptation
  });
}

// check (master): three requests, each counted.
if (cluster.isMaster) {
  var made = 0;
  var port = null;
  workers.forEach(function (w) {
    w.on('message', function (m) {
      if (m.port === undefined || port !== null) return;
      port = m.port;
      request();
    });
  });
  var request = function () {
    http.get({ host: '127.0.0.1', port: port, path: '/' }, function (res) {
      res.on('end', function () { if (++made < 3) request(); });
    }).on('error', function () { setTimeout(request, 50); });
  };
  process.on('exit', function () { assert.strictEqual(numReqs, 3); });
}
