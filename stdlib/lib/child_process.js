// The child_process module: spawn, exec, execFile and fork over process.binding('process_wrap').
// A child's stdin/stdout/stderr are net.Sockets over pipe_wrap Pipe handles that libuv connects
// to the child when it spawns.
//
// Events of a ChildProcess: 'exit'(code, signal) once the child has exited and its stdout and
// stderr have ended (or shortly after the exit if a grandchild keeps them open), then 'close'
// (code, signal) once every stdio stream has closed. A command that cannot be started behaves
// as in v0.6: "execvp(): <reason>" on the child's stderr and 'exit' with code 127; 'error'
// (code ENOENT, ...) is emitted first when it has listeners, as later Node versions do.
//
// fork() starts process.execPath with the module and an IPC channel: a socketpair (a libuv IPC
// pipe) that is the child's fd 3, named to it by NODE_CHANNEL_FD (see "The IPC channel" below).
'use strict';

var EventEmitter = require('events').EventEmitter;
var Stream = require('stream');
var net = require('net');
var util = require('util');
var StringDecoder = require('string_decoder').StringDecoder;
var fromArrayBuffer = require('buffer')._fromArrayBuffer;

var Process = process.binding('process_wrap').Process;
var pipeBinding = process.binding('pipe_wrap');
var Pipe = pipeBinding.Pipe;
var TCP = process.binding('tcp_wrap').TCP;
var constants = process.binding('constants');

// How long 'exit' waits for stdout/stderr to end after the child has exited.
var STDIO_GRACE_MS = 100;

var errors = require('_errors');
var errnoException = errors.errnoException;

function signalNumber(signal) {
  if (signal === undefined || signal === null) signal = 'SIGTERM';
  if (typeof signal === 'number' && signal === (signal | 0) && signal >= 0 && signal < 65) {
    return signal;
  }
  if (typeof signal === 'string' && /^SIG[A-Z0-9]+$/.test(signal) &&
      typeof constants[signal] === 'number') {
    return constants[signal];
  }
  throw new Error('Unknown signal: ' + signal);
}

// ---- Streams of a child that never started -----------------------------------------------------

function DeadReadable(message) {
  Stream.call(this);
  this.readable = true;
  this.writable = false;
  this._encoding = null;
  process.nextTick(emitDeadData, this, message);
}
util.inherits(DeadReadable, Stream);
DeadReadable.prototype.setEncoding = function(encoding) { this._encoding = encoding || 'utf8'; };
DeadReadable.prototype.pause = function() {};
DeadReadable.prototype.resume = function() {};
DeadReadable.prototype.destroy = function() { this.readable = false; };
function emitDeadData(stream, message) {
  if (message && stream.readable) {
    var data = new Buffer(message);
    stream.emit('data', stream._encoding ? data.toString(stream._encoding) : data);
  }
  if (stream.readable) {
    stream.readable = false;
    stream.emit('end');
  }
  stream.emit('close');
}

function DeadWritable() {
  Stream.call(this);
  this.readable = false;
  this.writable = true;
  process.nextTick(function(stream) { stream.emit('close'); }, this);
}
util.inherits(DeadWritable, Stream);
DeadWritable.prototype.write = function() { return true; };
DeadWritable.prototype.end = function() { this.writable = false; };
DeadWritable.prototype.destroy = function() { this.writable = false; };
DeadWritable.prototype.destroySoon = DeadWritable.prototype.destroy;

// ---- ChildProcess -------------------------------------------------------------------------------

function ChildProcess() {
  if (!(this instanceof ChildProcess)) return new ChildProcess();
  EventEmitter.call(this);
  this._handle = null;
  this.pid = null;
  this.stdin = null;
  this.stdout = null;
  this.stderr = null;
  this.exitCode = null;
  this.signalCode = null;
  this.killed = false;
  this._exited = false;
  this._exitEmitted = false;
  this._openStreams = 0;      // stdio streams not yet closed (for 'close')
  this._openReadables = 0;    // stdout/stderr (and the IPC channel) not yet ended (for 'exit')
  this._graceTimer = null;
  this._channel = null;       // fork()'s IPC channel while it is open
}
util.inherits(ChildProcess, EventEmitter);
exports.ChildProcess = ChildProcess;

function onStreamEnd(child) {
  child._openReadables--;
  maybeEmitExit(child);
}

function onStreamClose(child) {
  child._openStreams--;
  maybeEmitClose(child);
}

function maybeEmitExit(child) {
  if (!child._exited || child._exitEmitted) return;
  if (child._openReadables > 0 && child._graceTimer !== null) return;
  if (child._graceTimer !== null) {
    clearTimeout(child._graceTimer);
    child._graceTimer = null;
  }
  // A channel still open after the grace period (a grandchild holds the child's end) is closed
  // now; messages sent from then on throw, as they do once 'exit' has been emitted.
  var channel = child._channel;
  if (channel !== null) {
    channel.onclose = null;
    channel.close();
    child._openReadables--;
    child._openStreams--;
  }
  child._exitEmitted = true;
  child.emit('exit', child.exitCode, child.signalCode);
  maybeEmitClose(child);
}

function maybeEmitClose(child) {
  if (!child._exitEmitted || child._openStreams > 0 || child._closeEmitted) return;
  child._closeEmitted = true;
  child.emit('close', child.exitCode, child.signalCode);
}

function trackReadable(child, stream) {
  child._openReadables++;
  child._openStreams++;
  var ended = false;
  function end() {
    if (ended) return;
    ended = true;
    onStreamEnd(child);
  }
  stream.on('end', end);
  stream.on('close', function() {
    end();
    onStreamClose(child);
  });
}

function trackWritable(child, stream) {
  child._openStreams++;
  stream.on('close', function() { onStreamClose(child); });
  // Writing to a child that has gone away is not an error of the parent (EPIPE).
  stream.on('error', function() {});
}

// handle.onexit(exitCode, signalName); `this` is the Process handle.
function onexit(exitCode, signalCode) {
  var child = this.owner;
  if (!child) return;
  if (signalCode !== null && signalCode !== undefined) {
    child.signalCode = signalCode;
  } else {
    child.exitCode = exitCode;
  }
  child._handle = null;
  this.owner = null;
  this.close();
  if (child.stdin && typeof child.stdin.destroy === 'function') child.stdin.destroy();
  child._exited = true;
  if (child._openReadables > 0) {
    child._graceTimer = setTimeout(function() {
      child._graceTimer = null;
      maybeEmitExit(child);
    }, STDIO_GRACE_MS);
  }
  maybeEmitExit(child);
}

function pipeSocket(pipe, readable) {
  var socket = new net.Socket({ handle: pipe });
  if (readable) {
    socket.readable = true;
    socket.writable = false;
    pipe.readStart();
  } else {
    socket.readable = false;
    socket.writable = true;
  }
  return socket;
}

// spawn options: { file, args, cwd, envPairs, customFds, detached, ipc }; `ipc`, an IPC Pipe,
// becomes the child's fd 3.
ChildProcess.prototype.spawn = function(options) {
  var customFds = options.customFds || [];
  var stdio = [];
  var pipes = [];
  for (var i = 0; i < 3; i++) {
    var fd = customFds[i];
    if (typeof fd === 'number' && fd >= 0) {
      stdio.push({ type: 'fd', fd: fd });
      pipes.push(null);
    } else {
      var pipe = new Pipe();
      stdio.push({ type: 'pipe', handle: pipe });
      pipes.push(pipe);
    }
  }
  if (options.ipc) stdio.push({ type: 'pipe', handle: options.ipc });
  var handle = new Process();
  var err;
  try {
    err = handle.spawn({
      file: options.file,
      args: options.args,
      cwd: options.cwd,
      envPairs: options.envPairs,
      detached: !!options.detached,
      stdio: stdio
    });
  } catch (e) {
    pipes.forEach(function(p) { if (p) p.close(); });
    throw e;
  }

  if (err) {
    handle.close();
    pipes.forEach(function(p) { if (p) p.close(); });
    spawnFailed(this, err, options, pipes);
    return err;
  }

  this._handle = handle;
  handle.owner = this;
  handle.onexit = onexit;
  this.pid = handle.pid;
  if (pipes[0]) {
    this.stdin = pipeSocket(pipes[0], false);
    trackWritable(this, this.stdin);
  }
  if (pipes[1]) {
    this.stdout = pipeSocket(pipes[1], true);
    trackReadable(this, this.stdout);
  }
  if (pipes[2]) {
    this.stderr = pipeSocket(pipes[2], true);
    trackReadable(this, this.stderr);
  }
  return 0;
};

// As v0.6 reported a command it could not execute: the reason on the child's stderr and exit
// code 127; plus 'error' for listeners.
function spawnFailed(child, err, options, pipes) {
  var code = errors.errname(err);
  var reason = code === 'ENOENT' ? 'No such file or directory' :
               code === 'EACCES' ? 'Permission denied' : code;
  if (pipes[0]) {
    child.stdin = new DeadWritable();
    trackWritable(child, child.stdin);
  }
  if (pipes[1]) {
    child.stdout = new DeadReadable(null);
    trackReadable(child, child.stdout);
  }
  if (pipes[2]) {
    child.stderr = new DeadReadable('execvp(): ' + reason + '\n');
    trackReadable(child, child.stderr);
  }
  process.nextTick(function() {
    if (child.listeners('error').length > 0) {
      child.emit('error', errnoException(err, 'spawn', options.file));
    }
    child.exitCode = 127;
    child._exited = true;
    maybeEmitExit(child);
  });
}

// child.kill([signal='SIGTERM']): true if the signal was sent.
ChildProcess.prototype.kill = function(signal) {
  var signum = signalNumber(signal);
  if (!this._handle) return false;
  var err = this._handle.kill(signum);
  if (err === 0) {
    this.killed = true;
    return true;
  }
  return false;
};

// ---- spawn --------------------------------------------------------------------------------------

// Every enumerable key, inherited ones included (a `for in` walk), as v0.6.3 did: code builds
// a child's environment with Object.create(process.env).
function envPairs(env) {
  var pairs = [];
  for (var key in env) pairs.push(key + '=' + env[key]);
  return pairs;
}

// The checked options of spawn(command, [args], [options]) for ChildProcess.prototype.spawn.
function spawnOptions(command, args, options) {
  if (typeof command !== 'string' || command.length === 0) {
    throw new TypeError('command must be a non-empty string');
  }
  if (args === undefined || args === null) {
    args = [];
  } else if (!Array.isArray(args)) {
    if (options === undefined && typeof args === 'object') {
      options = args;
      args = [];
    } else {
      throw new TypeError('args must be an array');
    }
  }
  if (options === undefined || options === null) options = {};
  if (typeof options !== 'object') throw new TypeError('options must be an object');
  var env = options.env || process.env;
  if (typeof env !== 'object') throw new TypeError('options.env must be an object');
  var cwd = options.cwd;
  if (cwd !== undefined && cwd !== null && typeof cwd !== 'string') {
    throw new TypeError('options.cwd must be a string');
  }
  var customFds = options.customFds;
  if (customFds !== undefined && customFds !== null && !Array.isArray(customFds)) {
    throw new TypeError('options.customFds must be an array');
  }
  // Every argument is converted with String(), as in v0.6.3 (numbers are common).
  var argv = [command];
  for (var i = 0; i < args.length; i++) argv.push(String(args[i]));

  return {
    file: command,
    args: argv,
    cwd: cwd || undefined,
    envPairs: envPairs(env),
    customFds: customFds,
    detached: !!options.setsid
  };
}

// spawn(command, [args], [options {cwd, env, customFds, setsid}])
function spawn(command, args, options) {
  var child = new ChildProcess();
  child.spawn(spawnOptions(command, args, options));
  return child;
}
exports.spawn = spawn;

// ---- exec / execFile ----------------------------------------------------------------------------

function isEncoding(encoding) {
  try {
    new Buffer(0).toString(encoding);
    return true;
  } catch (e) {
    return false;
  }
}

// execFile(file, [args], [options], callback(err, stdout, stderr))
function execFile(file, args, options, callback) {
  if (typeof args === 'function') {
    callback = args;
    args = [];
    options = undefined;
  } else if (typeof options === 'function') {
    callback = options;
    options = undefined;
    if (args !== null && typeof args === 'object' && !Array.isArray(args)) {
      options = args;
      args = [];
    }
  }
  if (callback !== undefined && typeof callback !== 'function') {
    throw new TypeError('callback must be a function');
  }
  if (options !== undefined && options !== null && typeof options !== 'object') {
    throw new TypeError('options must be an object');
  }
  var opts = { encoding: 'utf8', timeout: 0, maxBuffer: 200 * 1024, killSignal: 'SIGTERM',
               cwd: null, env: null, customFds: undefined, setsid: false };
  if (options) {
    for (var key in options) {
      if (options[key] !== undefined) opts[key] = options[key];
    }
  }
  var killSignal = signalNumber(opts.killSignal);
  if (typeof opts.timeout !== 'number' || opts.timeout < 0) {
    throw new TypeError('options.timeout must be a non-negative number');
  }
  if (typeof opts.maxBuffer !== 'number' || opts.maxBuffer < 0) {
    throw new TypeError('options.maxBuffer must be a non-negative number');
  }
  var encoding = opts.encoding;
  var useStrings = typeof encoding === 'string' && encoding !== 'buffer' && isEncoding(encoding);

  var child = spawn(file, args || [], {
    cwd: opts.cwd, env: opts.env, customFds: opts.customFds, setsid: opts.setsid
  });

  var stdoutChunks = [], stderrChunks = [];
  var stdoutLength = 0, stderrLength = 0;
  var killed = false;
  var timer = null;
  var done = false;

  function collected(chunks) {
    if (useStrings) return chunks.join('');
    var total = 0;
    chunks.forEach(function(c) { total += c.length; });
    var result = new Buffer(total);
    var offset = 0;
    chunks.forEach(function(c) {
      c.copy(result, offset);
      offset += c.length;
    });
    return result;
  }

  function kill() {
    killed = true;
    try {
      child.kill(killSignal);
    } catch (e) {}
  }

  if (opts.timeout > 0) {
    timer = setTimeout(function() {
      timer = null;
      kill();
    }, opts.timeout);
  }

  // Past maxBuffer, as in v0.6.3: the child is killed and the callback runs on the next tick
  // with Error('maxBuffer exceeded.') and what was read so far, without waiting for 'exit'.
  var bufferError = null;
  function collect(stream, chunks, which) {
    if (!stream) return;
    if (useStrings) stream.setEncoding(encoding);
    stream.on('data', function(chunk) {
      if (bufferError !== null || done) return;
      chunks.push(chunk);
      if (which === 'stdout') {
        stdoutLength += chunk.length;
        if (stdoutLength <= opts.maxBuffer) return;
      } else {
        stderrLength += chunk.length;
        if (stderrLength <= opts.maxBuffer) return;
      }
      bufferError = new Error('maxBuffer exceeded.');
      kill();
      process.nextTick(function() { exithandler(null, opts.killSignal); });
    });
  }
  collect(child.stdout, stdoutChunks, 'stdout');
  collect(child.stderr, stderrChunks, 'stderr');

  child.on('exit', exithandler);
  function exithandler(code, signal) {
    if (done) return;
    done = true;
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    var stdout = collected(stdoutChunks);
    var stderr = collected(stderrChunks);
    if (!callback) return;
    if (bufferError !== null) {
      callback(bufferError, stdout, stderr);
      return;
    }
    if (code === 0 && signal === null && !killed) {
      callback(null, stdout, stderr);
      return;
    }
    var e = new Error('Command failed: ' + stderr);
    e.killed = child.killed || killed;
    e.code = code;
    e.signal = signal;
    callback(e, stdout, stderr);
  }
  return child;
}
exports.execFile = execFile;

// exec(command, [options], callback(err, stdout, stderr)): runs `/bin/sh -c command`.
function exec(command, options, callback) {
  if (typeof command !== 'string') throw new TypeError('command must be a string');
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  return execFile('/bin/sh', ['-c', command], options, callback);
}
exports.exec = exec;

// ---- The IPC channel ----------------------------------------------------------------------------
// fork() connects parent and child with an IPC pipe. Messages are JSON, one per line, as in v0.6
// ('\n' never occurs inside JSON.stringify's output). A handle sent along goes with the first
// byte of its message (uv_write2); the line on the wire is then
//   {"cmd":"NODE_HANDLE","type":<how to rebuild it>,"msg":<the message>}
// and the receiver takes the oldest descriptor that arrived and not yet claimed. Descriptors
// never arrive after the bytes they were sent with, so that descriptor is this message's.
// Messages whose `cmd` starts with 'NODE_' are the runtime's own (cluster's): they are emitted
// as 'internalMessage', not 'message', as later Node versions do.
//
// Who stays alive: the parent's end is referenced while open, and closes when it reads EOF (the
// child has exited or closed it) or, at the latest, when 'exit' is emitted, which waits for it.
// The child's end keeps the child alive once it listens for 'message' (and while cluster waits
// for an answer from the master); a child that does not listen exits when it has nothing else
// to do, and one that does ends when the parent's end goes away. v0.6 kept every forked child
// alive while the channel was open; that only differs for children that never listen.
// Later Node's 'disconnect' event is emitted on both sides when the channel closes.

var UV_EOF = process.binding('tcp_wrap').UV_EOF;
// send() returns false once this much waits to be written (a hint, nothing is dropped).
var CHANNEL_HIGH_WATER = 128 * 1024;

// Write errors that only mean the other end has gone (its EOF closes the channel) or that ours
// was closed with the write still queued: the message is dropped without an error.
function isQuietWriteError(err) {
  var code = errors.errname(err);
  return code === 'EPIPE' || code === 'ECONNRESET' || code === 'ECANCELED';
}

function isInternalMessage(message) {
  return message !== null && typeof message === 'object' && typeof message.cmd === 'string' &&
         message.cmd.slice(0, 5) === 'NODE_';
}

// The longest message (one JSON line, in characters) a channel takes from its peer: past it the
// channel emits an 'error' (ERR_IPC_MESSAGE_TOO_LONG) on its target and closes.
var IPC_MAX_LINE = 64 * 1024 * 1024;

// One end of a channel: `target` is the ChildProcess (parent side) or `process` (child side).
function Channel(target, pipe, refs) {
  this.target = target;
  this.pipe = pipe;
  this.closed = false;
  this.decoder = new StringDecoder('utf8');
  this.partial = [];     // pieces of a line that has not ended yet
  this.partialLength = 0;  // their total length, at most IPC_MAX_LINE
  this.handles = [];     // descriptors received and not yet claimed by a message
  this.refs = refs;      // reasons to keep the process alive; the pipe is unref'd at 0
  this.onclose = null;
  pipe.channel = this;
  pipe.onread = channelOnRead;
  if (refs === 0) pipe.unref();
  pipe.readStart();
}

Channel.prototype.ref = function() {
  if (++this.refs === 1 && !this.closed) this.pipe.ref();
};

Channel.prototype.unref = function() {
  if (--this.refs === 0 && !this.closed) this.pipe.unref();
};

Channel.prototype.close = function() {
  if (this.closed) return;
  this.closed = true;
  this.pipe.channel = null;
  this.pipe.close();
  this.handles.forEach(function(handle) { handle.close(); });
  this.handles = [];
  this.partial = [];
  this.partialLength = 0;
  var target = this.target;
  if (target._channel === this) target._channel = null;
  var onclose = this.onclose;
  this.onclose = null;
  if (onclose) onclose();
  process.nextTick(emitDisconnect, target);
};

function emitDisconnect(target) {
  target.emit('disconnect');
}

// pipe.onread(nread, arrayBuffer); `this` is the channel's pipe.
function channelOnRead(nread, arrayBuffer) {
  var channel = this.channel;
  if (!channel || nread === 0) return;
  if (nread < 0) {
    // EOF, or an error (the other side vanished): either way the channel is over.
    if (nread !== UV_EOF && !isQuietWriteError(nread)) {
      process.nextTick(emitChannelError, channel.target, errnoException(nread, 'read'));
    }
    channel.close();
    return;
  }
  takeHandles(channel);
  var string = channel.decoder.write(fromArrayBuffer(arrayBuffer, nread));
  var start = 0;
  try {
    var end;
    while (!channel.closed && (end = string.indexOf('\n', start)) !== -1) {
      var line = string.slice(start, end);
      if (channel.partial.length > 0) {
        channel.partial.push(line);
        line = channel.partial.join('');
        channel.partial = [];
        channel.partialLength = 0;
      }
      start = end + 1;
      dispatchLine(channel, line);
    }
  } finally {
    // Also when a listener threw: what follows is kept for the next read.
    if (!channel.closed && start < string.length) {
      channel.partial.push(string.slice(start));
      channel.partialLength += string.length - start;
      // A peer that never ends its line must not make us hold it all.
      if (channel.partialLength > IPC_MAX_LINE) {
        var error = new Error('IPC channel: a message longer than ' + IPC_MAX_LINE +
                              ' characters was received; the channel is closed');
        error.code = 'ERR_IPC_MESSAGE_TOO_LONG';
        var target = channel.target;
        channel.close();
        process.nextTick(emitChannelError, target, error);
      }
    }
  }
}

// Moves every descriptor that came with the last read into a handle of its own.
function takeHandles(channel) {
  var pipe = channel.pipe;
  var type;
  while ((type = pipe.pendingHandleType()) !== null) {
    var handle = type === 'tcp' ? new TCP() : type === 'pipe' ? new Pipe() : null;
    if (handle === null) {
      pipe.acceptPending();  // a kind nobody can send from here (UDP, files): closed
      continue;
    }
    if (pipe.acceptPending(handle) !== 0) {
      handle.close();
      continue;
    }
    channel.handles.push(handle);
  }
}

function dispatchLine(channel, line) {
  var target = channel.target;
  var message;
  try {
    message = JSON.parse(line);
  } catch (e) {
    var error = new Error('IPC channel: a message that is not JSON was received');
    error.code = 'ERR_IPC_BAD_MESSAGE';
    emitChannelError(target, error);
    return;
  }
  var handle;
  if (isInternalMessage(message) && message.cmd === 'NODE_HANDLE') {
    var raw = channel.handles.shift();
    if (raw !== undefined) handle = rebuildHandle(message.type, raw);
    message = message.msg;
  }
  var heard = isInternalMessage(message) ? target.emit('internalMessage', message, handle)
                                          : target.emit('message', message, handle);
  // A handle nobody listened for would stay open (and a server listening) for good.
  if (!heard && handle !== undefined) {
    if (typeof handle.destroy === 'function') handle.destroy();
    else handle.close();
  }
}

// What the receiver gets for a handle: a raw handle stays one (the v0.6 docs send
// `server._handle` and pass it to server.listen); a net.Server or net.Socket comes back as one.
function rebuildHandle(type, raw) {
  if (type === 'net.Server') {
    var server = new net.Server();
    server.listen(raw);
    return server;
  }
  if (type === 'net.Socket') {
    var socket = new net.Socket({ handle: raw });
    socket.readable = socket.writable = true;
    raw.readStart();
    return socket;
  }
  return raw;
}

function emitChannelError(target, error) {
  target.emit('error', error);
}

function ChannelWriteReq(channel) {
  this.channel = channel;
}
ChannelWriteReq.prototype.oncomplete = function(status) {
  var channel = this.channel;
  if (status < 0 && !isQuietWriteError(status) && !channel.closed) {
    emitChannelError(channel.target, errnoException(status, 'write'));
  }
};

function channelClosedError() {
  var error = new Error('channel closed');
  error.code = 'ERR_IPC_CHANNEL_CLOSED';
  return error;
}

// target.send(message, [sendHandle]): true, or false when much is waiting to be written.
function channelSend(target, message, sendHandle) {
  var channel = target._channel;
  if (!channel || channel.closed) throw channelClosedError();
  var raw = null;
  if (sendHandle !== undefined && sendHandle !== null) {
    var type;
    if (sendHandle instanceof TCP || sendHandle instanceof Pipe) {
      type = 'handle';
      raw = sendHandle;
    } else if (sendHandle instanceof net.Server) {
      type = 'net.Server';
      raw = sendHandle._handle;
      if (!raw) throw new Error('send: the server to send is not listening');
    } else if (sendHandle instanceof net.Socket) {
      type = 'net.Socket';
      raw = sendHandle._handle;
      if (!raw) throw new Error('send: the socket to send is closed');
    } else {
      throw new TypeError('send: sendHandle must be a net.Server, a net.Socket or a TCP or ' +
                          'Pipe handle');
    }
    message = { cmd: 'NODE_HANDLE', type: type, msg: message };
  }
  var json = JSON.stringify(message);
  if (typeof json !== 'string') {
    throw new TypeError('send: the message must be serializable as JSON, not ' +
                        (message === null ? 'null' : typeof message));
  }
  json += '\n';
  var req = new ChannelWriteReq(channel);
  var err = raw === null ? channel.pipe.writeUtf8String(req, json)
                         : channel.pipe.writeWithHandle(req, json, raw);
  if (err) {
    if (!isQuietWriteError(err)) {
      process.nextTick(emitChannelError, target, errnoException(err, 'write'));
    }
    return false;
  }
  return (channel.pipe.writeQueueSize || 0) < CHANNEL_HIGH_WATER;
}

function setupChannel(target, pipe, refs) {
  var channel = new Channel(target, pipe, refs);
  target._channel = channel;
  target.send = function send(message, sendHandle) {
    return channelSend(target, message, sendHandle);
  };
  return channel;
}

// Called by the bootstrap (stdlib/lib/_bootstrap.js) in a process that fork() started.
exports._forkChild = function(fd) {
  var pipe = new Pipe(true);
  if (pipe.open(fd) !== 0) {
    pipe.close();
    return;
  }
  var channel = setupChannel(process, pipe, 0);
  var listening = false;
  process.on('newListener', function(event) {
    if (event === 'message' && !listening && !channel.closed) {
      listening = true;
      channel.ref();
    }
  });
};

// ---- fork ---------------------------------------------------------------------------------------

// fork(modulePath, [args], [options {cwd, env, silent}]): the runtime running modulePath with an
// IPC channel (child.send(), 'message'), sharing the parent's stdio unless options.silent.
function fork(modulePath, args, options) {
  if (typeof modulePath !== 'string') throw new TypeError('modulePath must be a string');
  if (args !== undefined && args !== null && !Array.isArray(args)) {
    if (options !== undefined) throw new TypeError('args must be an array');
    options = args;
    args = [];
  }
  if (options === undefined || options === null) options = {};
  if (typeof options !== 'object') throw new TypeError('options must be an object');
  var baseEnv = options.env || process.env;
  if (typeof baseEnv !== 'object') throw new TypeError('options.env must be an object');
  var env = {};
  for (var key in baseEnv) env[key] = baseEnv[key];  // inherited keys too, as spawn takes them
  env.NODE_CHANNEL_FD = '3';
  var spawnArgs = spawnOptions(process.execPath, [modulePath].concat(args || []), {
    cwd: options.cwd, env: env, customFds: options.silent ? [-1, -1, -1] : [0, 1, 2]
  });
  var ipc = new Pipe(true);
  spawnArgs.ipc = ipc;
  var child = new ChildProcess();
  var err;
  try {
    err = child.spawn(spawnArgs);
  } catch (e) {
    ipc.close();
    throw e;
  }
  if (err) {
    ipc.close();
    child.send = function send() { throw channelClosedError(); };
    return child;
  }
  var channel = setupChannel(child, ipc, 1);
  child._openReadables++;
  child._openStreams++;
  channel.onclose = function() {
    onStreamEnd(child);
    onStreamClose(child);
  };
  return child;
}
exports.fork = fork;
