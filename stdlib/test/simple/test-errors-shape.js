// The shape of a system error, one representative failure per module: message, code, errno,
// syscall and path, and the order of its own properties (what util.inspect and Object.keys
// show). v0.6.3 worded them differently per module (see runtime/core/errors.h): fs and the
// process/os/tty methods say "ENOENT, no such file or directory 'path'" with a numeric errno;
// net, dgram, dns, cluster and child_process say "connect ECONNREFUSED" with errno the code name.
var common = require('../common');
var assert = require('assert');
var cluster = require('cluster');
var net = require('net');

function expectShape(error, shape) {
  var what = shape.syscall + ' ' + shape.code;
  assert.ok(error instanceof Error, what + ': an Error');
  assert.strictEqual(Object.getPrototypeOf(error), Error.prototype, what + ': a plain Error');
  assert.strictEqual(error.message, shape.message, what + ': message');
  assert.strictEqual(error.code, shape.code, what + ': code');
  assert.strictEqual(error.errno, shape.errno, what + ': errno');
  assert.strictEqual(error.syscall, shape.syscall, what + ': syscall');
  assert.strictEqual(error.path, shape.path, what + ': path');
  assert.strictEqual('path' in error, shape.path !== undefined, what + ': has path');
  assert.deepEqual(Object.keys(error), shape.keys, what + ': own properties');
  assert.strictEqual(String(error.stack).split('\n')[0], 'Error: ' + shape.message,
                     what + ': stack');
}

// A cluster worker whose port the master cannot bind gets the master's bind error.
if (cluster.isWorker) {
  var server = net.createServer();
  server.on('error', function(e) {
    process.send({ message: e.message, code: e.code, errno: e.errno, syscall: e.syscall,
                   hasPath: 'path' in e, keys: Object.keys(e) });
  });
  server.listen(Number(process.env.TEST_BUSY_PORT), '127.0.0.1');
  return;
}

var ERRNO_KEYS = ['errno', 'code', 'syscall'];     // made in C++ (runtime/core/errors.cc)
var CODE_KEYS = ['code', 'errno', 'syscall'];      // made in JS
var constants = require('constants');
var missing = '/nonexistent-nodus-dir/file';

// ---- fs: synchronous and asynchronous ----------------------------------------------------------
var fs = require('fs');
var fsShape = {
  message: "ENOENT, no such file or directory '" + missing + "'",
  code: 'ENOENT', errno: -constants.ENOENT, syscall: 'open', path: missing,
  keys: ERRNO_KEYS.concat('path')
};
assert.throws(function() { fs.openSync(missing, 'r'); },
              function(e) { expectShape(e, fsShape); return true; });
fs.open(missing, 'r', common.mustCall(function(e) { expectShape(e, fsShape); }));
fs.readFile(missing, common.mustCall(function(e) { expectShape(e, fsShape); }));

// ---- process and tty: synchronous throws from C++ ----------------------------------------------
assert.throws(function() { process.chdir(missing); }, function(e) {
  expectShape(e, {
    message: "ENOENT, no such file or directory '" + missing + "'",
    code: 'ENOENT', errno: -constants.ENOENT, syscall: 'uv_chdir', path: missing,
    keys: ERRNO_KEYS.concat('path')
  });
  return true;
});
// The largest pid Linux can have is 2^22; one past it is never a process.
assert.throws(function() { process.kill(4194305, 0); }, function(e) {
  expectShape(e, {
    message: 'ESRCH, no such process', code: 'ESRCH', errno: -constants.ESRCH, syscall: 'kill',
    keys: ERRNO_KEYS
  });
  return true;
});
assert.throws(function() { new (require('tty').ReadStream)(99999); }, function(e) {
  expectShape(e, {
    message: 'EINVAL, invalid argument', code: 'EINVAL', errno: -constants.EINVAL,
    syscall: 'uv_tty_init', keys: ERRNO_KEYS
  });
  return true;
});

// ---- net: TCP listen on a busy port, and a pipe connect to a missing path ----------------------
var busy = net.createServer().listen(0, '127.0.0.1', common.mustCall(function() {
  var port = busy.address().port;
  var second = net.createServer();
  second.on('error', common.mustCall(function(e) {
    expectShape(e, {
      message: 'listen EADDRINUSE', code: 'EADDRINUSE', errno: 'EADDRINUSE', syscall: 'listen',
      keys: CODE_KEYS
    });
    forkWorker(port);
  }));
  second.listen(port, '127.0.0.1');
}));

function forkWorker(port) {
  process.env.TEST_BUSY_PORT = String(port);
  var worker = cluster.fork();
  worker.on('message', common.mustCall(function(m) {
    assert.deepEqual(m, {
      message: 'bind EADDRINUSE', code: 'EADDRINUSE', errno: 'EADDRINUSE', syscall: 'bind',
      hasPath: false, keys: CODE_KEYS
    });
    worker.kill();
    busy.close();
  }));
}

net.connect(missing).on('error', common.mustCall(function(e) {
  expectShape(e, {
    message: 'connect ENOENT', code: 'ENOENT', errno: 'ENOENT', syscall: 'connect',
    keys: CODE_KEYS
  });
}));

// ---- dgram: bind to an address that is not this host's ---------------------------------------
var socket = require('dgram').createSocket('udp4');
socket.on('error', common.mustCall(function(e) {
  expectShape(e, {
    message: 'bind EADDRNOTAVAIL', code: 'EADDRNOTAVAIL', errno: 'EADDRNOTAVAIL',
    syscall: 'bind', keys: CODE_KEYS
  });
  socket.close();
}));
// 192.0.2.1 is TEST-NET-1 (RFC 5737), never a local address.
socket.bind(0, '192.0.2.1');

// ---- dns: a code string from the resolver, and a synchronous argument error ------------------
var dns = require('dns');
dns.lookup(new Array(301).join('a') + '.example', common.mustCall(function(e) {
  expectShape(e, {
    message: 'getaddrinfo ENOTFOUND', code: 'ENOTFOUND', errno: 'ENOTFOUND',
    syscall: 'getaddrinfo', keys: CODE_KEYS
  });
}));
assert.throws(function() { dns.reverse('not-an-address', function() {}); }, function(e) {
  expectShape(e, {
    message: 'getHostByAddr EINVAL', code: 'EINVAL', errno: 'EINVAL', syscall: 'getHostByAddr',
    keys: CODE_KEYS
  });
  return true;
});

// ---- child_process: a command that does not exist ---------------------------------------------
var child = require('child_process').spawn(missing);
child.on('error', common.mustCall(function(e) {
  expectShape(e, {
    message: 'spawn ENOENT ' + missing, code: 'ENOENT', errno: 'ENOENT', syscall: 'spawn',
    path: missing, keys: CODE_KEYS.concat('path')
  });
}));
