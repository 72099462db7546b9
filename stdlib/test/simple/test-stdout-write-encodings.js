// process.stdout.write(string, encoding) on a pipe and on a file writes the string's bytes in
// that encoding (v0.6's stream.write(string, [encoding])): _stdio.js makes a Buffer only for
// encodings other than utf8, loading the buffer module then. A Buffer's bytes go out as they
// are (the file and TTY writer used to decode them as UTF-8 text first, mangling binary data).
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var path = require('path');
var spawn = require('child_process').spawn;

var script =
    "process.stdout.write('caf\\u00e9|');" +                 // utf8 by default
    "process.stdout.write('caf\\u00e9|', 'utf-8');" +
    "process.stdout.write('caf\\u00e9|', 'binary');" +       // one byte per char
    "process.stdout.write('636166c3a97c', 'hex');" +
    "process.stdout.write('Y2Fmw6l8', 'base64');" +
    "process.stdout.write('caf\\u00e9|', 'ascii');" +
    "process.stdout.write(new Buffer([0xff, 0x00, 0x80, 0x7c]));" +  // bytes, not UTF-8 text
    "process.stdout.write(new Buffer([1, 2, 3, 4, 5]).slice(1, 3));" +
    "process.stdout.write(new Buffer(0));";
// v0.6.3 has no Buffer.concat.
function bytes(buffers) {
  var out = [];
  buffers.forEach(function(b) { for (var i = 0; i < b.length; i++) out.push(b[i]); });
  return out;
}
var expected = bytes([
  new Buffer('caf\u00e9|'), new Buffer('caf\u00e9|'),
  new Buffer([0x63, 0x61, 0x66, 0xe9, 0x7c]),
  new Buffer('caf\u00e9|'), new Buffer('caf\u00e9|'),
  new Buffer('caf\u00e9|', 'ascii'),
  new Buffer([0xff, 0x00, 0x80, 0x7c]), new Buffer([2, 3])
]);

var pending = 3;  // the pipe's end, its child's exit, the file child's exit
function done() { if (--pending === 0) process.exit(0); }

// On a pipe.
var child = spawn(process.execPath, ['-e', script]);
var chunks = [];
child.stdout.on('data', function(d) { chunks.push(d); });
child.stdout.on('end', function() {
  assert.deepEqual(bytes(chunks), expected);
  done();
});
child.on('exit', common.mustCall(function(code) {
  assert.strictEqual(code, 0);
  done();
}));

// On a file.
var file = path.join(common.tmpDir, 'stdout-write-encodings.out');
try { fs.unlinkSync(file); } catch (e) {}
var fd = fs.openSync(file, 'w');
var child2 = spawn(process.execPath, ['-e', script], { customFds: [-1, fd, -1] });
child2.on('exit', common.mustCall(function(code) {
  fs.closeSync(fd);
  assert.strictEqual(code, 0);
  assert.deepEqual(bytes([fs.readFileSync(file)]), expected);
  done();
}));
