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
// fork() starts process.execPath with the module; there is no IPC channel (send()/'message').
'use strict';

var EventEmitter = require('events').EventEmitter;
var Stream = require('stream');
var net = require('net');
var util = require('util');

var Process = process.binding('process_wrap').Process;
var Pipe = process.binding('pipe_wrap').Pipe;
var methods = process.binding('process_methods');
var constants = process.binding('constants');

// How long 'exit' waits for stdout/stderr to end after the child has exited.
var STDIO_GRACE_MS = 100;

function errnoException(err, syscall, path) {
  var code = methods.errname(err);
  var e = new Error(syscall + ' ' + code + (path ? ' ' + path : ''));
  e.errno = e.code = code;
  e.syscall = syscall;
  if (path) e.path = path;
  return e;
}

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
  this._openReadables = 0;    // stdout/stderr not yet ended (for 'exit')
  this._graceTimer = null;
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

// spawn options: { file, args, cwd, envPairs, customFds, detached }.
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
  var code = methods.errname(err);
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

ChildProcess.prototype.send = function() {
  throw new Error('child_process: there is no IPC channel (fork() has no send()/message)');
};

// ---- spawn --------------------------------------------------------------------------------------

function envPairs(env) {
  var pairs = [];
  for (var key in env) {
    if (Object.prototype.hasOwnProperty.call(env, key)) pairs.push(key + '=' + env[key]);
  }
  return pairs;
}

// spawn(command, [args], [options {cwd, env, customFds, setsid}])
function spawn(command, args, options) {
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
  args.forEach(function(arg) {
    if (typeof arg !== 'string') throw new TypeError('args must be an array of strings');
  });

  var child = new ChildProcess();
  child.spawn({
    file: command,
    args: [command].concat(args),
    cwd: cwd || undefined,
    envPairs: envPairs(env),
    customFds: customFds,
    detached: !!options.setsid
  });
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

  function collect(stream, chunks, which) {
    if (!stream) return;
    if (useStrings) stream.setEncoding(encoding);
    stream.on('data', function(chunk) {
      if (which === 'stdout') {
        stdoutLength += chunk.length;
        if (stdoutLength > opts.maxBuffer) return kill();
      } else {
        stderrLength += chunk.length;
        if (stderrLength > opts.maxBuffer) return kill();
      }
      chunks.push(chunk);
    });
  }
  collect(child.stdout, stdoutChunks, 'stdout');
  collect(child.stderr, stderrChunks, 'stderr');

  child.on('exit', function(code, signal) {
    if (done) return;
    done = true;
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    var stdout = collected(stdoutChunks);
    var stderr = collected(stderrChunks);
    if (!callback) return;
    if (code === 0 && signal === null && !killed) {
      callback(null, stdout, stderr);
      return;
    }
    var e = new Error('Command failed: ' + stderr);
    e.killed = child.killed || killed;
    e.code = code;
    e.signal = signal;
    callback(e, stdout, stderr);
  });
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

// ---- fork ---------------------------------------------------------------------------------------

// fork(modulePath, [args], [options {cwd, env, silent}]): the runtime running modulePath, sharing
// the parent's stdio unless options.silent. No IPC channel: send() throws.
function fork(modulePath, args, options) {
  if (typeof modulePath !== 'string') throw new TypeError('modulePath must be a string');
  if (args !== undefined && args !== null && !Array.isArray(args)) {
    options = args;
    args = [];
  }
  options = options || {};
  if (typeof options !== 'object') throw new TypeError('options must be an object');
  var spawnOptions = { cwd: options.cwd, env: options.env,
                       customFds: options.silent ? [-1, -1, -1] : [0, 1, 2] };
  return spawn(process.execPath, [modulePath].concat(args || []), spawnOptions);
}
exports.fork = fork;
