var common = require('../common');
var assert = require('assert');
var Stream = require('stream').Stream;
var util = require('util');

// Streams whose class declares _pipeOut/_pipeIn (as net.Socket does) get pipe()'s shared-state
// path: one pipe out of and one into each stream, other pipes the general path. Both must
// behave as v0.6.3's pipe(): data, backpressure, end/close, errors and cleanup.
function Duplex(name) {
  Stream.call(this);
  this.name = name;
  this.readable = true;
  this.writable = true;
  this.written = [];
  this.ended = 0;
  this.destroyed = 0;
  this.paused = 0;
  this.resumed = 0;
  this.full = false;
}
util.inherits(Duplex, Stream);
Duplex.prototype._pipeOut = null;
Duplex.prototype._pipeIn = null;
Duplex.prototype.write = function(chunk) { this.written.push(chunk); return !this.full; };
Duplex.prototype.end = function() { this.ended++; };
Duplex.prototype.destroy = function() { this.destroyed++; };
Duplex.prototype.pause = function() { this.paused++; };
Duplex.prototype.resume = function() { this.resumed++; };

function count(emitter, type) { return emitter.listeners(type).length; }

// One pipe: data, backpressure, end, and everything removed afterwards.
(function() {
  var a = new Duplex('a'), b = new Duplex('b');
  var piped = 0;
  b.on('pipe', function(src) { assert.strictEqual(src, a); piped++; });
  assert.strictEqual(a.pipe(b), b);
  assert.equal(piped, 1);
  assert.ok(a._pipeOut !== null && a._pipeOut === b._pipeIn, 'the shared-state path was taken');
  a.emit('data', 'x');
  b.full = true;
  a.emit('data', 'y');
  assert.deepEqual(b.written, ['x', 'y']);
  assert.equal(a.paused, 1);
  b.emit('drain');
  assert.equal(a.resumed, 1);
  a.emit('end');
  a.emit('close');
  assert.equal(b.ended, 1);
  assert.equal(b.destroyed, 0);
  ['data', 'end', 'close', 'error'].forEach(function(t) { assert.equal(count(a, t), 0, t); });
  ['drain', 'error', 'end', 'close'].forEach(function(t) { assert.equal(count(b, t), 0, t); });
  assert.strictEqual(a._pipeOut, null);
  assert.strictEqual(b._pipeIn, null);
  // Piping again works, and a close without end destroys.
  a.pipe(b);
  a.emit('data', 'z');
  a.emit('close');
  assert.deepEqual(b.written, ['x', 'y', 'z']);
  assert.equal(b.destroyed, 1);
})();

// Two pipes out of one source (the second on the general path), both fed and both ended.
(function() {
  var a = new Duplex('a'), b = new Duplex('b'), c = new Duplex('c');
  a.pipe(b);
  a.pipe(c);
  a.emit('data', 'x');
  assert.deepEqual(b.written, ['x']);
  assert.deepEqual(c.written, ['x']);
  a.emit('end');
  assert.equal(b.ended, 1);
  assert.equal(c.ended, 1);
  assert.equal(count(a, 'data'), 0);
  assert.equal(count(a, 'end'), 0);
})();

// A stream piped into itself (the echo server) listens once per event.
(function() {
  var s = new Duplex('s');
  s.pipe(s);
  ['data', 'drain', 'end', 'close', 'error'].forEach(function(t) { assert.equal(count(s, t), 1, t); });
  s.emit('data', 'hi');
  assert.deepEqual(s.written, ['hi']);
  s.emit('end');
  assert.equal(s.ended, 1);
  ['data', 'drain', 'end', 'close', 'error'].forEach(function(t) { assert.equal(count(s, t), 0, t); });
})();

// A proxy (x -> y and y -> x): an error on x stops both pipes (x is the destination of one);
// an error nobody else listens to is thrown.
(function() {
  var x = new Duplex('x'), y = new Duplex('y');
  x.pipe(y);
  y.pipe(x);
  var seen = 0;
  x.on('error', function() { seen++; });
  x.emit('error', new Error('x failed'));
  assert.equal(seen, 1);
  x.emit('data', 'lost');
  assert.deepEqual(y.written, []);
  y.emit('data', 'lost too');
  assert.deepEqual(x.written, []);
  assert.equal(count(y, 'error'), 0);
  var p = new Duplex('p'), q = new Duplex('q');
  p.pipe(q);
  q.pipe(p);
  assert.throws(function() { q.emit('error', new Error('q failed')); }, /q failed/);
  p.emit('data', 'after');
  q.emit('data', 'after');
  assert.deepEqual(p.written, []);
  assert.deepEqual(q.written, []);
})();

// { end: false } leaves the destination open; the destination ending stops the pipe.
(function() {
  var a = new Duplex('a'), b = new Duplex('b');
  a.pipe(b, { end: false });
  a.emit('end');
  assert.equal(b.ended, 0);
  assert.equal(count(a, 'data'), 0);
  var c = new Duplex('c'), d = new Duplex('d');
  c.pipe(d);
  d.emit('close');
  c.emit('data', 'x');
  assert.deepEqual(d.written, []);
  c.emit('end');
  assert.equal(d.ended, 0);
})();
