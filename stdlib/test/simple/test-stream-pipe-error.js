var common = require('../common');
var assert = require('assert');
var Stream = require('stream');

// An 'error' on a piped stream with no listener but pipe's own is thrown, not swallowed; with
// a listener of the user's, it reaches that listener and the pipe is taken down.
var source = new Stream();
source.readable = true;
var dest = new Stream();
dest.writable = true;
dest.write = function() { return true; };
dest.end = function() {};
source.pipe(dest);
assert.throws(function() { source.emit('error', new Error('boom')); }, /boom/);

var source2 = new Stream();
source2.readable = true;
var dest2 = new Stream();
dest2.writable = true;
dest2.write = function() { throw new Error('write after pipe error'); };
dest2.end = function() {};
source2.pipe(dest2);
source2.on('error', common.mustCall(function(e) { assert.strictEqual(e.message, 'bang'); }));
source2.emit('error', new Error('bang'));
source2.emit('data', 'x');  // Not forwarded any more.
