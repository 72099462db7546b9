var common = require('../common');
var assert = require('assert');
var Stream = require('stream').Stream;

// Several sources piped into one destination: only the last one to end (or close) ends (or
// destroys) the destination, as in v0.6.3.
function Source() {
  Stream.call(this);
  this.readable = true;
}
require('util').inherits(Source, Stream);

function Dest() {
  Stream.call(this);
  this.writable = true;
  this.written = [];
  this.ended = 0;
  this.destroyed = 0;
}
require('util').inherits(Dest, Stream);
Dest.prototype.write = function(chunk) { this.written.push(chunk); return true; };
Dest.prototype.end = function() { this.ended++; };
Dest.prototype.destroy = function() { this.destroyed++; };

var dest = new Dest();
var sources = [new Source(), new Source(), new Source()];
sources.forEach(function(s) { s.pipe(dest); });
sources[0].emit('data', 'a');
sources[1].emit('data', 'b');
sources[0].emit('end');
assert.equal(dest.ended, 0);
sources[1].emit('close');
assert.equal(dest.ended, 0);
assert.equal(dest.destroyed, 0);
sources[2].emit('data', 'c');
sources[2].emit('end');
assert.equal(dest.ended, 1);
assert.equal(dest.destroyed, 0);
assert.deepEqual(dest.written, ['a', 'b', 'c']);
// A source's own end and close together still count once.
sources[2].emit('close');
assert.equal(dest.ended, 1);
assert.equal(dest.destroyed, 0);

// The last one closing destroys.
var dest2 = new Dest();
var s1 = new Source();
var s2 = new Source();
s1.pipe(dest2);
s2.pipe(dest2);
s1.emit('end');
s2.emit('close');
assert.equal(dest2.ended, 0);
assert.equal(dest2.destroyed, 1);

// { end: false } sources do not count.
var dest3 = new Dest();
var s3 = new Source();
var s4 = new Source();
s3.pipe(dest3, { end: false });
s4.pipe(dest3);
s4.emit('end');
assert.equal(dest3.ended, 1);
