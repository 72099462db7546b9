var common = require('../common');
var assert = require('assert');
var Stream = require('stream');

// A source that closes without ending destroys the destination (once).
var source = new Stream();
source.readable = true;
var dest = new Stream();
dest.writable = true;
dest.write = function() { return true; };
dest.end = function() { throw new Error('end() after close'); };
dest.destroy = common.mustCall();
source.pipe(dest);
source.emit('close');
source.emit('end');
assert.ok(Stream.prototype instanceof require('events').EventEmitter);
assert.strictEqual(Stream.Stream, Stream);
