// zlib.markdown example 6: the js-value options for lower-memory deflate.
// adaptation: the literal becomes options for createDeflate/createInflate; the check
// round-trips a string through them.
var assert = require('assert');
var zlib = require('zlib');
var options = { windowBits: 14, memLevel: 7 };
var d = zlib.createDeflate(options), i = zlib.createInflate(options), out = '';
d.pipe(i);
i.on('data', function (c) { out += c; });
d.end('round trip');
process.on('exit', function () { assert.strictEqual(out, 'round trip'); });
