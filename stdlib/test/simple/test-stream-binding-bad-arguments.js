// The stream bindings (tcp_wrap, pipe_wrap) check a request object and a path as every binding
// does (runtime/core/args.h) and word the complaint the same way; nothing is written or
// connected when they throw. These are process.binding-only messages: net.js always passes a
// request object and a string.
var common = require('../common');
var assert = require('assert');
var path = require('path');
var Pipe = process.binding('pipe_wrap').Pipe;
var TCP = process.binding('tcp_wrap').TCP;

function throwsType(fn, message) {
  assert.throws(fn, function(e) { return e instanceof TypeError && e.message === message; });
}

var tcp = new TCP();
throwsType(function() { tcp.writeBuffer(null, new Buffer(1)); }, 'req must be an object');
throwsType(function() { tcp.writeUtf8String(1, 'x'); }, 'req must be an object');
throwsType(function() { tcp.writeAsciiString('req', 'x'); }, 'req must be an object');
throwsType(function() { tcp.writev(undefined, ['x']); }, 'req must be an object');
throwsType(function() { tcp.shutdown(); }, 'req must be an object');
tcp.close();

var pipe = new Pipe();
throwsType(function() { pipe.bind('a\u0000b'); }, 'path must be a string without null bytes');
throwsType(function() { pipe.bind(7); }, 'path must be a string');
throwsType(function() { pipe.connect(null, path.join(common.tmpDir, 'never.sock')); }, 'req must be an object');
throwsType(function() { pipe.connect({}, 'a\u0000b'); },
           'path must be a string without null bytes');
pipe.close();

var ipc = new Pipe(true);
var send = new TCP();
throwsType(function() { ipc.writeWithHandle(null, 'x', send); }, 'req must be an object');
send.close();
ipc.close();
