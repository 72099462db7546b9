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
    source.removeListener('data', ondata);
    dest.removeListener('drain', ondrain);
    source.removeListener('end', onend);
    source.removeListener('close', onclose);
    source.removeListener('error', onerror);
    dest.removeListener('error', onerror);
    source.removeListener('end', cleanup);
    source.removeListener('close', cleanup);
    dest.removeListener('end', cleanup);
    dest.removeListener('close', cleanup);
  }

  // Listeners are registered once per emitter and event: onend/onclose clean up themselves, and
  // when a stream pipes into itself (an echo server) its events are not listened to twice.
  // This keeps a piped connection's listener tables free of arrays, which matters per socket.
  var endsDest = !dest._isStdio && (!options || options.end !== false);
  source.on('data', ondata);
  dest.on('drain', ondrain);
  if (endsDest) {
    dest._pipeCount = (dest._pipeCount || 0) + 1;
    source.on('end', onend);
    source.on('close', onclose);
  } else {
    source.on('end', cleanup);
    source.on('close', cleanup);
  }
  source.on('error', onerror);
  if (dest !== source) {
    dest.on('error', onerror);
    dest.on('end', cleanup);
    dest.on('close', cleanup);
  }

  dest.emit('pipe', source);
  // Sockets may move the bytes natively from here on (stdlib/lib/net.js).
  if (typeof source._pipeNatively === 'function') source._pipeNatively(dest, ondata);
  return dest;
};
