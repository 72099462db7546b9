// The cluster module (v0.6.3): a master process forks workers that share server ports.
//
//   cluster.isMaster / cluster.isWorker   a worker is a process whose environment has
//                                         NODE_WORKER_ID (set by cluster.fork to 1, 2, ...)
//   cluster.fork()                        (master) a worker running the master's own script and
//                                         arguments: a ChildProcess from child_process.fork, so
//                                         send()/'message' work as there
//   'death' (worker)                      (master) a worker has exited
//
// Sharing a port, as v0.6 did it: when a worker's net.Server listens on a TCP port
// (stdlib/lib/net.js calls cluster._getServer), the worker asks the master; the master binds
// one socket per address:port:family, without listening on it, and sends it to every worker
// that asks. Each worker listens on its copy and the kernel hands each connection to one of
// them. Port 0 is shared too: every worker gets the same socket, so the same port.
//
// The messages between master and worker are internal ('internalMessage', see
// stdlib/lib/child_process.js), so 'message' listeners only see the program's own. A worker
// exits when its channel to the master closes (the master has gone), so workers never outlive
// their master.
'use strict';

var EventEmitter = require('events').EventEmitter;
var childProcess = require('child_process');

var TCP = process.binding('tcp_wrap').TCP;
var errors = require('_errors');

var cluster = module.exports = new EventEmitter();

cluster.isWorker = process.env.NODE_WORKER_ID !== undefined;
cluster.isMaster = !cluster.isWorker;

function bindError(code) {
  return errors.errnoException(code, 'bind');
}

// ---- Master -------------------------------------------------------------------------------------

var nextWorkerId = 1;
var servers = {};  // 'address:port:family' -> the bound TCP handle the workers share
var workers = {};  // worker id -> the live worker's ChildProcess

// A master that dies of an uncaught exception takes its workers with it, as in v0.6.3: each
// gets SIGTERM, the exception is printed and the master exits with 1. Installed by the first
// fork().
var masterStarted = false;
function startMaster() {
  if (masterStarted) return;
  masterStarted = true;
  process.on('uncaughtException', function(e) {
    Object.keys(workers).forEach(function(id) {
      try {
        workers[id].kill('SIGTERM');
      } catch (err) {
        // Already gone.
      }
    });
    var text;
    try {
      text = e !== null && typeof e === 'object' ? e.message + '\n' + e.stack : String(e);
    } catch (err) {
      text = '(an exception that cannot be printed)';
    }
    console.error('Exception in cluster master process: ' + text);
    console.error('Please report this bug.');
    process.exit(1);
  });
}

// cluster.fork(): starts a worker running process.argv[1] with the master's arguments.
cluster.fork = function() {
  if (!cluster.isMaster) throw new Error('cluster.fork() can only be called from the master');
  var script = process.argv[1];
  if (typeof script !== 'string') {
    throw new Error('cluster.fork() needs the master to run a script file');
  }
  var env = {};
  for (var key in process.env) {
    if (Object.prototype.hasOwnProperty.call(process.env, key)) env[key] = process.env[key];
  }
  var id = nextWorkerId++;
  env.NODE_WORKER_ID = String(id);
  startMaster();
  var worker = childProcess.fork(script, process.argv.slice(2), { env: env });
  workers[id] = worker;
  worker.on('internalMessage', function(message, handle) {
    onWorkerMessage(worker, message, handle);
  });
  worker.on('exit', function() {
    delete workers[id];
    cluster.emit('death', worker);
  });
  return worker;
};

function sendToWorker(worker, message, handle) {
  try {
    worker.send(message, handle);
  } catch (e) {
    // The worker's channel has closed: it is exiting, and 'death' follows.
  }
}

function onWorkerMessage(worker, message, handle) {
  if (handle && typeof handle.close === 'function') handle.close();  // workers send none
  if (message.cmd === 'NODE_CLUSTER_ONLINE') {
    worker.online = true;
  } else if (message.cmd === 'NODE_CLUSTER_QUERY_SERVER') {
    answerServerQuery(worker, message);
  }
}

function answerServerQuery(worker, query) {
  var reply = { cmd: 'NODE_CLUSTER_SERVER', seq: query.seq };
  var address = query.address;
  var port = query.port;
  var family = query.addressType;
  if (typeof address !== 'string' || port !== (port | 0) || port < 0 || port > 65535 ||
      (family !== 4 && family !== 6)) {
    reply.error = 'EINVAL';
    return sendToWorker(worker, reply);
  }
  var key = address + ':' + port + ':' + family;
  var handle = servers[key];
  if (!handle) {
    handle = new TCP();
    var code = null;
    try {
      var err = family === 6 ? handle.bind6(address, port) : handle.bind(address, port);
      if (err) code = errors.errname(err);
      // libuv reports EADDRINUSE from bind only at listen(), which the master never calls: a
      // socket that did not get its port is not bound at all.
      var bound = {};
      if (!code && port !== 0 && (handle.getsockname(bound) !== 0 || bound.port !== port)) {
        code = 'EADDRINUSE';
      }
    } catch (e) {
      code = 'EINVAL';  // the address did not parse
    }
    if (code !== null) {
      handle.close();
      reply.error = code;
      return sendToWorker(worker, reply);
    }
    servers[key] = handle;
  }
  sendToWorker(worker, reply, handle);
}

// ---- Worker -------------------------------------------------------------------------------------

var nextQueryId = 1;
var queries = {};  // query id -> callback(err, handle)

function onMasterMessage(message, handle) {
  if (message.cmd !== 'NODE_CLUSTER_SERVER') return;
  var callback = queries[message.seq];
  if (!callback) {
    if (handle) handle.close();
    return;
  }
  delete queries[message.seq];
  if (process._channel) process._channel.unref();
  if (typeof message.error === 'string') return callback(bindError(message.error));
  if (!handle) return callback(bindError('EINVAL'));
  callback(null, handle);
}

// Called by net.js when a server in a worker listens on a TCP port: asks the master for the
// shared socket, then calls back (err, handle). Returns false (and does nothing) when this
// process has no master to ask.
cluster._getServer = function(address, port, addressType, callback) {
  var channel = process._channel;
  if (!cluster.isWorker || !channel || channel.closed) return false;
  var id = nextQueryId++;
  queries[id] = callback;
  // The answer is awaited even when nothing else keeps the worker alive yet.
  channel.ref();
  process.send({ cmd: 'NODE_CLUSTER_QUERY_SERVER', seq: id, address: address, port: port,
                 addressType: addressType });
  return true;
};

if (cluster.isWorker && process._channel) {
  process.on('internalMessage', onMasterMessage);
  process.on('disconnect', function() { process.exit(0); });
  process.send({ cmd: 'NODE_CLUSTER_ONLINE' });
}
