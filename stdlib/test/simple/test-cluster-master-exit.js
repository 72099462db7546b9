// Workers do not outlive their master: when the master exits, each worker's channel closes and
// the worker exits too, even with a server listening. The workers share this test's stdout
// pipe, which only ends once every one of them has exited.
var common = require('../common');
var assert = require('assert');
var cluster = require('cluster');
var net = require('net');

if (process.argv[2] === 'master') {
  if (cluster.isMaster) {
    var listening = 0;
    for (var i = 0; i < 2; i++) {
      cluster.fork().on('message', function() {
        if (++listening === 2) {
          console.log('master exits');
          process.exit(0);
        }
      });
    }
  } else {
    net.createServer().listen(common.PORT, '127.0.0.1', function() {
      process.send('listening');
    });
    process.on('exit', function() { console.log('worker exit'); });
  }
  return;
}

var master = require('child_process').spawn(process.execPath, [__filename, 'master']);
var out = '';
master.stdout.setEncoding('utf8');
master.stdout.on('data', function(d) { out += d; });
master.stderr.pipe(process.stderr);
master.stdout.on('end', common.mustCall(function() {
  assert.strictEqual(out, 'master exits\nworker exit\nworker exit\n');
}));
