// cluster.markdown example 4: restarting a worker that died.
// adaptation: require('cluster'); the master forks one worker that exits at once, and stops
// after the first restart (the documented listener forks again on every death).
var assert = require('assert');
var cluster = require('cluster');
if (!cluster.isMaster) process.exit(0);  // adaptation: the worker dies at once
var restarts = 0;
cluster.fork();

cluster.on('death', function(worker) {
  console.log('worker ' + worker.pid + ' died. restart...');
  cluster.fork();
});

// check: after a death a new worker is forked; stop at the second death.
cluster.on('death', function () {
  if (++restarts === 2) process.exit(0);
});
process.on('exit', function () { assert.strictEqual(restarts, 2); });
