// The stream module: Stream, the EventEmitter every readable or writable stream inherits from,
// and Stream.prototype.pipe, which copies a readable stream into a writable one keeping the two
// in step (pause the source while the destination's buffer is full, resume on 'drain').
'use strict';

var EventEmitter = require('events').EventEmitter;
var util = require('util');

function Stream() {
  EventEmitter.call(this);
}
util.inherits(Stream, EventEmitter);
module.exports = Stream;
// Old code reaches the constructor as require('stream').Stream.
Stream.Stream = Stream;

// source.pipe(dest, [options]): returns dest. With options.end === false the destination is
// left open when the source ends. Everything pipe() attaches is removed again once either side
// ends or closes, so a destination can be reused.
Stream.prototype.pipe = function(dest, options) {
  var source = this;
  var endsDest = !dest._isStdio && (!options || options.end !== false);
  if (source._pipeOut === null && dest._pipeIn === null) {
    pipeShared(source, dest, endsDest);
    return dest;
  }

  function ondata(chunk) {
    if (dest.writable && dest.write(chunk) === false && typeof source.pause === 'function') {
      source.pause();
    }
  }

  function ondrain() {
    if (source.readable && typeof source.resume === 'function') source.resume();
  }

  // Each source ends (or closes) the destination at most once, and, as in v0.6.3, only the last
  // of several sources piped into one destination does: dest._pipeCount counts them.
  var didOnEnd = false;
  function onend() {
    if (didOnEnd) return;
    didOnEnd = true;
    dest._pipeCount--;
    cleanup();
    if (dest._pipeCount > 0) return;
    dest.end();
  }

  function onclose() {
    if (didOnEnd) return;
    didOnEnd = true;
    dest._pipeCount--;
    cleanup();
    if (dest._pipeCount > 0) return;
    if (typeof dest.destroy === 'function') dest.destroy();
  }

  // An error stops the pipe. It is not swallowed: if pipe's own listener was the only one, the
  // error is thrown, as an unhandled 'error' would be.
  function onerror(er) {
    cleanup();
    if (this.listeners('error').length === 0) throw er;
  }

  function cleanup() {
    detachPipe(source, dest, handlers);
  }

  var handlers = {
    data: ondata, drain: ondrain, end: onend, close: onclose,
    sourceError: onerror, destError: onerror, sourceCleanup: cleanup, destCleanup: cleanup
  };
  attachPipe(source, dest, endsDest, handlers);
  return dest;
};

// Listeners are registered once per emitter and event: onend/onclose clean up themselves, and
// when a stream pipes into itself (an echo server) its events are not listened to twice.
// This keeps a piped connection's listener tables free of arrays, which matters per socket.
function attachPipe(source, dest, endsDest, h) {
  source.on('data', h.data);
  dest.on('drain', h.drain);
  if (endsDest) {
    dest._pipeCount = (dest._pipeCount || 0) + 1;
    source.on('end', h.end);
    source.on('close', h.close);
  } else {
    source.on('end', h.sourceCleanup);
    source.on('close', h.sourceCleanup);
  }
  source.on('error', h.sourceError);
  if (dest !== source) {
    dest.on('error', h.destError);
    dest.on('end', h.destCleanup);
    dest.on('close', h.destCleanup);
  }
  dest.emit('pipe', source);
  // Sockets may move the bytes natively from here on (stdlib/lib/net.js).
  if (typeof source._pipeNatively === 'function') source._pipeNatively(dest, h.data);
}

function detachPipe(source, dest, h) {
  source.removeListener('data', h.data);
  dest.removeListener('drain', h.drain);
  source.removeListener('end', h.end);
  source.removeListener('close', h.close);
  source.removeListener('error', h.sourceError);
  dest.removeListener('error', h.destError);
  source.removeListener('end', h.sourceCleanup);
  source.removeListener('close', h.sourceCleanup);
  dest.removeListener('end', h.destCleanup);
  dest.removeListener('close', h.destCleanup);
}

// The same pipe without a closure per listener, for streams whose class declares the slots
// _pipeOut and _pipeIn (null when free; net.Socket does): while a source has at most one such
// pipe out and a destination at most one in, the pipe's state is one PipeState object that
// both point to, and its listeners are the shared functions below, which find it through
// `this` (the emitter). An idle piped connection (the echo server) then costs a few dozen bytes
// for its pipe instead of six closures and their context. Any further pipe out of the same
// source or into the same destination takes the general path above.
function PipeState(source, dest) {
  this.source = source;
  this.dest = dest;
  this.didOnEnd = false;
  this.done = false;
}

function pipeShared(source, dest, endsDest) {
  var state = new PipeState(source, dest);
  source._pipeOut = state;
  dest._pipeIn = state;
  attachPipe(source, dest, endsDest, SHARED_HANDLERS);
}

// `this` is the source.
function pipeOnData(chunk) {
  var state = this._pipeOut;
  if (!state) return;
  var dest = state.dest;
  if (dest.writable && dest.write(chunk) === false && typeof this.pause === 'function') {
    this.pause();
  }
}

// `this` is the destination.
function pipeOnDrain() {
  var state = this._pipeIn;
  if (!state) return;
  var source = state.source;
  if (source.readable && typeof source.resume === 'function') source.resume();
}

// The source of a pipe is done ('end' or 'close', whichever comes first): the pipe is taken
// apart, and the destination is returned if no other pipe still writes into it, else null.
function pipeSourceDone(state) {
  if (!state || state.didOnEnd) return null;
  state.didOnEnd = true;
  var dest = state.dest;
  dest._pipeCount--;
  pipeCleanup(state);
  return dest._pipeCount > 0 ? null : dest;
}

function pipeOnEnd() {
  var dest = pipeSourceDone(this._pipeOut);
  if (dest) dest.end();
}

function pipeOnClose() {
  var dest = pipeSourceDone(this._pipeOut);
  if (dest && typeof dest.destroy === 'function') dest.destroy();
}

function pipeOnSourceError(er) {
  if (this._pipeOut) pipeCleanup(this._pipeOut);
  if (this.listeners('error').length === 0) throw er;
}

function pipeOnDestError(er) {
  if (this._pipeIn) pipeCleanup(this._pipeIn);
  if (this.listeners('error').length === 0) throw er;
}

function pipeSourceCleanup() {
  if (this._pipeOut) pipeCleanup(this._pipeOut);
}

function pipeDestCleanup() {
  if (this._pipeIn) pipeCleanup(this._pipeIn);
}

function pipeCleanup(state) {
  if (state.done) return;
  state.done = true;
  state.source._pipeOut = null;
  state.dest._pipeIn = null;
  detachPipe(state.source, state.dest, SHARED_HANDLERS);
}

var SHARED_HANDLERS = {
  data: pipeOnData, drain: pipeOnDrain, end: pipeOnEnd, close: pipeOnClose,
  sourceError: pipeOnSourceError, destError: pipeOnDestError,
  sourceCleanup: pipeSourceCleanup, destCleanup: pipeDestCleanup
};
