// A cluster master dying of an uncaught exception sends SIGTERM to every worker, prints
// 'Exception in cluster master process: ...' and exits with 1, as in v0.6.3.
var common = require('../common');
var assert = require('assert');
var cluster = require('cluster');
var net = require('net');

if (process.argv[2] === 'master') {
  if (cluster.isMaster) {
    var listening = 0;
    for (var i = 0; i < 2; i++) {
      cluster.fork().on('message', function() {
        if (++listening === 2) throw new Error('master boom');
      });
    }
  } else {
    // Only SIGTERM ends this worker: it stays when its master's channel closes, and its
    // server keeps it alive. (A safety net ends it long after, should the test fail.)
    process.removeAllListeners('disconnect');
    process.on('SIGTERM', function() {
      console.log('worker got SIGTERM');
      process.exit(0);
    });
    setTimeout(function() { process.exit(3); }, 60000);
    net.createServer().listen(common.PORT, '127.0.0.1', function() {
      process.send('listening');
    });
  }
  return;
}

var master = require('child_process').spawn(process.execPath, [__filename, 'master']);
var out = '';
var err = '';
master.stdout.setEncoding('utf8');
master.stdout.on('data', function(d) { out += d; });
master.stderr.setEncoding('utf8');
master.stderr.on('data', function(d) { err += d; });
master.on('exit', common.mustCall(function(code) {
  assert.equal(code, 1);
  assert.ok(err.indexOf('Exception in cluster master process: master boom\n') === 0, err);
  assert.ok(/Error: master boom\n\s+at /.test(err), err);
}));
master.stdout.on('end', common.mustCall(function() {
  assert.strictEqual(out, 'worker got SIGTERM\nworker got SIGTERM\n');
}));
