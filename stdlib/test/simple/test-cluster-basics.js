// cluster as the v0.6.3 docs give it: isMaster/isWorker follow NODE_WORKER_ID, cluster.fork()
// returns a ChildProcess with a pid and the message API, each worker gets its own
// NODE_WORKER_ID and the master's arguments, 'death' names the worker that exited, fork() is
// for the master only, and the cluster's own messages never reach 'message' listeners.
var common = require('../common');
var assert = require('assert');
var cluster = require('cluster');

if (cluster.isWorker) {
  assert.strictEqual(cluster.isMaster, false);
  assert.throws(function() { cluster.fork(); }, /master/);
  process.on('message', function(m) {
    assert.deepEqual(m, { please: 'exit' });
    process.exit(Number(process.env.NODE_WORKER_ID) + 10);
  });
  process.send({ id: process.env.NODE_WORKER_ID, argv: process.argv.slice(2),
                 isMaster: cluster.isMaster, isWorker: cluster.isWorker, pid: process.pid });
  return;
}

assert.strictEqual(process.env.NODE_WORKER_ID, undefined);
assert.strictEqual(cluster.isMaster, true);
assert.strictEqual(cluster.isWorker, false);

var workers = [cluster.fork(), cluster.fork()];
var reports = {};
workers.forEach(function(worker) {
  assert.strictEqual(typeof worker.pid, 'number');
  assert.strictEqual(typeof worker.send, 'function');
  worker.on('message', function(m) {
    assert.strictEqual(m.pid, worker.pid);
    assert.strictEqual(reports[m.id], undefined);
    reports[m.id] = m;
    worker.send({ please: 'exit' });
  });
});

var deaths = [];
cluster.on('death', function(worker) {
  assert.ok(workers.indexOf(worker) !== -1);
  deaths.push(worker);
});

process.on('exit', function() {
  assert.deepEqual(Object.keys(reports).sort(), ['1', '2']);
  ['1', '2'].forEach(function(id) {
    assert.deepEqual(reports[id].argv, []);
    assert.strictEqual(reports[id].isMaster, false);
    assert.strictEqual(reports[id].isWorker, true);
  });
  assert.strictEqual(deaths.length, 2);
  deaths.forEach(function(worker) {
    var id = worker === workers[0] ? 1 : 2;
    assert.strictEqual(worker.exitCode, id + 10);
  });
  // Both were online (they checked in with the master).
  assert.ok(workers[0].online && workers[1].online);
});
