// Two cluster workers serve http on one shared port (port 0: the master binds it once and both
// get the same socket); every request is answered by a worker, and killing the workers emits
// 'death' for each, after which the master exits by itself.
var common = require('../common');
var assert = require('assert');
var cluster = require('cluster');
var http = require('http');

var WORKERS = 2;
var REQUESTS = 40;

if (cluster.isWorker) {
  http.createServer(function(req, res) {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('worker ' + process.env.NODE_WORKER_ID);
  }).listen(common.PORT, '127.0.0.1', function() {
    process.send({ port: this.address().port });
  });
  return;
}

var workers = [];
var ports = [];
for (var i = 0; i < WORKERS; i++) {
  var worker = cluster.fork();
  workers.push(worker);
  worker.on('message', function(m) {
    ports.push(m.port);
    if (ports.length === WORKERS) makeRequests();
  });
}

var answers = {};
var answered = 0;
function makeRequests() {
  assert.strictEqual(ports[0], ports[1]);
  for (var i = 0; i < REQUESTS; i++) {
    http.get({ host: '127.0.0.1', port: ports[0], path: '/', agent: false,
               headers: { Connection: 'close' } }, function(res) {
      assert.strictEqual(res.statusCode, 200);
      var body = '';
      res.setEncoding('utf8');
      res.on('data', function(d) { body += d; });
      res.on('end', function() {
        assert.ok(/^worker [12]$/.test(body), body);
        answers[body] = (answers[body] || 0) + 1;
        if (++answered === REQUESTS) {
          workers.forEach(function(w) { w.kill(); });
        }
      });
    });
  }
}

var dead = [];
cluster.on('death', function(worker) {
  assert.ok(workers.indexOf(worker) !== -1);
  assert.ok(dead.indexOf(worker) === -1);
  assert.strictEqual(worker.signalCode, 'SIGTERM');
  dead.push(worker);
});

process.on('exit', function() {
  assert.strictEqual(answered, REQUESTS);
  assert.strictEqual(dead.length, WORKERS);
  console.log('answers per worker: %j', answers);
});
