// net's public API never aborts the process, whatever it is given: a descriptor epoll cannot
// watch (a regular file, a directory, /dev/null, the event loop's own epoll descriptor) wrapped
// as a socket throws an Error with code, errno and syscall instead of ending in a libuv abort();
// so do descriptors already watched by the loop and ones that are not stream sockets. Other
// hostile arguments give a thrown error, an 'error' event or a normal result.
var common = require('../common');
var assert = require('assert');
var net = require('net');
var fs = require('fs');
var dgram = require('dgram');

function throwsSystem(fn, codes, what) {
  var error = null;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  assert.ok(error instanceof Error, what + ': expected an Error, got ' + error);
  assert.ok(codes.indexOf(error.code) !== -1, what + ': code ' + error.code);
  assert.ok(error.errno !== undefined, what + ': errno');
  assert.strictEqual(error.syscall, 'open', what + ': syscall');
}

var devNull = fs.openSync('/dev/null', 'r');
var file = fs.openSync(__filename, 'r');
var dir = fs.openSync(common.testDir, 'r');

[[devNull, '/dev/null'], [file, 'a regular file'], [dir, 'a directory']].forEach(function(c) {
  var fd = c[0], what = c[1];
  throwsSystem(function() { new net.Socket({ fd: fd }); }, ['EPERM'], what);
  throwsSystem(function() { net.Socket({ fd: fd }); }, ['EPERM'], what + ' without new');
  throwsSystem(function() { new net.Stream(fd); }, ['EPERM'], what + ' as net.Stream(fd)');
  throwsSystem(function() { new net.Socket(fd); }, ['EPERM'], what + ' as Socket(fd)');
  throwsSystem(function() { new net.Socket({ fd: fd, type: 'tcp4' }); }, ['ENOTSOCK'],
               what + ' as tcp');
  // The descriptor is still the caller's, and still open.
  assert.ok(fs.fstatSync(fd));
});

// A descriptor that is not open.
throwsSystem(function() { new net.Socket({ fd: 65000 }); }, ['EBADF'], 'a closed fd');
throwsSystem(function() { new net.Socket({ fd: 65000, type: 'tcp' }); }, ['EBADF'], 'tcp');

// Not descriptors at all.
[-1, 1.5, 'x', {}, [], true, NaN, Infinity, 2147483648].forEach(function(bad) {
  assert.throws(function() { new net.Socket({ fd: bad }); }, TypeError, String(bad));
});

// A UDP socket is not a stream socket.
var udp = dgram.createSocket('udp4');
udp.bind(0, '127.0.0.1');
var fdDir = '/proc/self/fd';
var before = {};
fs.readdirSync(fdDir).forEach(function(n) {
  try {
    before[n] = fs.readlinkSync(fdDir + '/' + n);
  } catch (e) {
    // The directory listing's own descriptor, closed by now.
  }
});

// Every descriptor of the process that epoll cannot watch, or that the loop already watches
// (the loop's own epoll set, its wakeup descriptors, the UDP socket above), gives an error.
Object.keys(before).forEach(function(name) {
  var fd = Number(name);
  var target = before[name];
  if (fd <= 2) return;  // stdio: left alone
  if (/^anon_inode:\[eventpoll\]$/.test(target)) {
    throwsSystem(function() { new net.Socket({ fd: fd }); }, ['EINVAL', 'EEXIST', 'ELOOP'],
                 'epoll fd ' + fd);
    throwsSystem(function() { new net.Socket({ fd: fd, type: 'tcp' }); }, ['ENOTSOCK'],
                 'epoll fd ' + fd + ' as tcp');
  } else if (/^socket:/.test(target)) {
    // Sockets (the UDP one among them) are not TCP stream sockets we may take over unless
    // they are; either way, no abort: an error or a socket.
    try {
      var s = new net.Socket({ fd: fd, type: 'tcp' });
      s.destroy = function() {};  // never close a descriptor someone else owns
    } catch (e) {
      assert.ok(e instanceof Error && typeof e.code === 'string', 'socket fd ' + fd + ': ' + e);
    }
  } else if (/^\//.test(target)) {
    throwsSystem(function() { new net.Socket({ fd: fd }); }, ['EPERM', 'EEXIST'],
                 'file fd ' + fd + ' (' + target + ')');
  }
});

// Hostile hosts: an error event (no address), never an exception from inside net.
var pending = 0;
function expectError(emitter, what) {
  pending++;
  emitter.on('error', common.mustCall(function(e) {
    assert.ok(e instanceof Error, what);
    assert.ok(typeof e.code === 'string', what + ': code');
    if (emitter.destroy) emitter.destroy();
    if (--pending === 0) finish();
  }));
}
expectError(net.connect(1, []), 'connect to host []');
var s1 = net.createServer();
expectError(s1.listen(0, []), 'listen on host []');

// An empty host means any address, as no host does.
var s2 = net.createServer();
s2.listen(0, '', common.mustCall(function() {
  assert.ok(s2.address().port > 0);
  s2.close();
}));

// Non-numbers are refused at once; ports out of range fail on the socket (test-net-bad-port-args).
[{}, [], true].forEach(function(bad) {
  assert.throws(function() { net.connect(bad, '127.0.0.1'); }, TypeError, 'port ' + String(bad));
});
[-1, 65536, 1e10, NaN].forEach(function(bad) {
  net.connect(bad, '127.0.0.1').on('error', common.mustCall(function(err) {
    assert.strictEqual(err.code, 'ERR_SOCKET_BAD_PORT', 'port ' + String(bad));
  }));
});

function finish() {
  udp.close();
  fs.closeSync(devNull);
  fs.closeSync(file);
  fs.closeSync(dir);
}
