// pump() copies data from a readable to a writable stream, pausing the reader while the
// writer is full, ending the writer at the end, and calling back once on close or error.
var common = require('../common');
var assert = require('assert');
var util = require('util');
var EventEmitter = require('events').EventEmitter;

function Reader() {
  EventEmitter.call(this);
  this.paused = false;
  this.destroyed = false;
}
util.inherits(Reader, EventEmitter);
Reader.prototype.pause = function() { this.paused = true; };
Reader.prototype.resume = function() { this.paused = false; };
Reader.prototype.destroy = function() { this.destroyed = true; };

function Writer() {
  EventEmitter.call(this);
  this.chunks = [];
  this.full = false;
  this.ended = false;
}
util.inherits(Writer, EventEmitter);
Writer.prototype.write = function(chunk) {
  this.chunks.push(chunk);
  return !this.full;
};
Writer.prototype.end = function() { this.ended = true; };

// The normal flow, with back-pressure.
var r = new Reader();
var w = new Writer();
util.pump(r, w, common.mustCall(function(err) {
  assert.ok(!err);
}));
r.emit('data', 'one');
assert.strictEqual(r.paused, false);
w.full = true;
r.emit('data', 'two');
assert.strictEqual(r.paused, true);
w.full = false;
w.emit('drain');
assert.strictEqual(r.paused, false);
r.emit('end');
assert.strictEqual(w.ended, true);
r.emit('close');
r.emit('close');
assert.deepEqual(w.chunks, ['one', 'two']);

// A read error ends the writer and is passed to the callback, once.
var r2 = new Reader();
var w2 = new Writer();
var readErr = new Error('read failed');
util.pump(r2, w2, common.mustCall(function(err) {
  assert.strictEqual(err, readErr);
}));
r2.emit('error', readErr);
assert.strictEqual(w2.ended, true);
r2.emit('close');

// A write error destroys the reader.
var r3 = new Reader();
var w3 = new Writer();
var writeErr = new Error('write failed');
util.pump(r3, w3, common.mustCall(function(err) {
  assert.strictEqual(err, writeErr);
}));
w3.emit('error', writeErr);
assert.strictEqual(r3.destroyed, true);

// The callback is optional.
var r4 = new Reader();
var w4 = new Writer();
util.pump(r4, w4);
r4.emit('data', 'x');
r4.emit('end');
r4.emit('close');
assert.deepEqual(w4.chunks, ['x']);
