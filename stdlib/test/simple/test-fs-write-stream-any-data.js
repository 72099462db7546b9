var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var path = require('path');

// fs.WriteStream#write turns anything that is not a Buffer into a string ('' + data), as
// v0.6.3 did, instead of throwing.
var file = path.join(common.tmpDir, 'write-stream-any-data.txt');
try { fs.unlinkSync(file); } catch (e) {}
var stream = fs.createWriteStream(file);
stream.write(42);
stream.write(' ');
stream.write(true);
stream.write(' ');
stream.write(null);
stream.write(' ');
stream.write(undefined);
stream.write(' ');
stream.write({ toString: function() { return 'obj'; } });
stream.write(' ');
stream.write([1, 2]);
stream.write(new Buffer(' buf'));
stream.end();
stream.on('close', common.mustCall(function() {
  assert.equal(fs.readFileSync(file, 'utf8'), '42 true null undefined obj 1,2 buf');
  fs.unlinkSync(file);
}));

// A value whose conversion throws passes that error to the caller; nothing crashes.
var other = fs.createWriteStream(path.join(common.tmpDir, 'write-stream-any-data-2.txt'));
assert.throws(function() {
  other.write({ toString: function() { throw new Error('no string'); } });
}, /no string/);
other.destroy();
