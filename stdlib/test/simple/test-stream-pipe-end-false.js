var common = require('../common');
var assert = require('assert');
var Stream = require('stream');

// With { end: false } the destination is not ended (nor destroyed) when the source ends or
// closes, so two sources can be piped into one destination in turn.
var sink = new Stream();
sink.writable = true;
var written = [];
sink.write = function(c) { written.push(c); return true; };
sink.end = function() { throw new Error('end() must not be called'); };
sink.destroy = function() { throw new Error('destroy() must not be called'); };

var first = new Stream();
first.readable = true;
first.pipe(sink, { end: false });
first.emit('data', 1);
first.emit('end');
first.emit('close');

var second = new Stream();
second.readable = true;
second.pipe(sink, { end: false });
second.emit('data', 2);
second.emit('end');
assert.deepEqual(written, [1, 2]);
