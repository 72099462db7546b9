// zlib.markdown example 1: requiring zlib.
// adaptation: the check is that the documented classes and methods are there.
var assert = require('assert');
var zlib = require('zlib');
['createGzip', 'createGunzip', 'createDeflate', 'createInflate', 'createUnzip', 'deflate',
 'unzip'].forEach(function (name) { assert.strictEqual(typeof zlib[name], 'function', name); });
