var common = require('../common');
var assert = require('assert');
var Stream = require('stream');

// pipe() writes each 'data' chunk to the destination, pauses the source when write() returns
// false and resumes it on 'drain', ends the destination on 'end', emits 'pipe', and returns
// the destination.
function Source() { Stream.call(this); this.readable = true; this.paused = 0; this.resumed = 0; }
require('util').inherits(Source, Stream);
Source.prototype.pause = function() { this.paused++; };
Source.prototype.resume = function() { this.resumed++; };

function Sink() { Stream.call(this); this.writable = true; this.chunks = []; this.ended = 0; }
require('util').inherits(Sink, Stream);
Sink.prototype.write = function(chunk) { this.chunks.push(chunk); return this.chunks.length !== 2; };
Sink.prototype.end = function() { this.ended++; };

var source = new Source();
var sink = new Sink();
sink.on('pipe', common.mustCall(function(src) { assert.strictEqual(src, source); }));
assert.strictEqual(source.pipe(sink), sink);

source.emit('data', 'a');
assert.strictEqual(source.paused, 0);
source.emit('data', 'b');  // write() returns false.
assert.strictEqual(source.paused, 1);
sink.emit('drain');
assert.strictEqual(source.resumed, 1);
source.emit('end');
assert.strictEqual(sink.ended, 1);
assert.deepEqual(sink.chunks, ['a', 'b']);

// The pipe cleaned up after itself: later events are not forwarded.
source.emit('data', 'c');
source.emit('end');
sink.emit('drain');
assert.deepEqual(sink.chunks, ['a', 'b']);
assert.strictEqual(sink.ended, 1);
assert.strictEqual(source.resumed, 1);
assert.strictEqual(source.listeners('data').length, 0);
assert.strictEqual(sink.listeners('drain').length, 0);
