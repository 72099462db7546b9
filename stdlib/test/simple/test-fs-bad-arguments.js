// Bad arguments throw TypeError or RangeError from every call, never crash the process.
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var path = require('path');

var file = path.join(common.tmpDir, 'bad-args.txt');
fs.writeFileSync(file, 'x');
var binding = process.binding('fs');

function throwsType(fn) { assert.throws(fn, TypeError); }
function throwsRange(fn) { assert.throws(fn, RangeError); }

throwsType(function() { fs.openSync(42, 'r'); });
throwsType(function() { fs.openSync(file, 'rw-nonsense'); });
throwsType(function() { fs.openSync(file, {}); });
throwsType(function() { fs.openSync('a\u0000b', 'r'); });
throwsType(function() { fs.writeSync('fd', new Buffer(1), 0, 1, null); });
throwsType(function() { fs.writeSync(-1, new Buffer(1), 0, 1, null); });
throwsRange(function() { fs.writeSync(1, new Buffer(1), 0, 5, null); });
throwsRange(function() { fs.writeSync(1, new Buffer(4), 3, 2, null); });
throwsType(function() { fs.readSync(0, new Buffer(1), 'x', 1, null); });
throwsType(function() { fs.renameSync(file, null); });
throwsType(function() { fs.mkdirSync(undefined); });
throwsType(function() { fs.mkdirSync(file + 'dir', {}); });
throwsRange(function() { fs.chmodSync(file, 1e10); });
throwsType(function() { fs.chmodSync(file); });
throwsType(function() { fs.chownSync(file, 'root', 0); });
throwsRange(function() { fs.chownSync(file, -5, 0); });
throwsType(function() { fs.ftruncateSync('x', 0); });
throwsRange(function() { fs.ftruncateSync(1, -1); });
throwsType(function() { fs.utimesSync(file, 'never', 0); });
throwsRange(function() { fs.utimesSync(file, NaN, 0); });
throwsType(function() { fs.readdirSync(null); });
throwsType(function() { fs.symlinkSync(1, 2); });
throwsType(function() { fs.fsyncSync(undefined); });

// The binding itself checks what fs.js would have converted.
throwsType(function() { binding.open(file); });
throwsRange(function() { binding.open(file, 0, -1); });
throwsType(function() { binding.write(1, 'not a buffer', 0, 1, null); });
throwsType(function() { binding.mkdir(file); });
throwsType(function() { new binding.StatWatcher().start(1, true, 1000); });
throwsType(function() { binding.StatWatcher(); });
throwsType(function() { binding.FSEvent(); });
throwsType(function() { binding.FSEvent.prototype.start.call({}, file, true); });

// The binding words its complaints as every binding does (runtime/core/args.h): these are
// Nodus's own messages (v0.6.3's binding coerced such values silently).
function throwsMessage(fn, type, message) {
  assert.throws(fn, function(e) { return e instanceof type && e.message === message; });
}
throwsMessage(function() { binding.open(file, 0, -1); }, RangeError,
              'mode must be an integer from 0 to 4095');
throwsMessage(function() { binding.chown(file, -2, 0); }, RangeError,
              'uid must be an integer from -1 to 4294967295');
throwsMessage(function() { binding.utimes(file, Infinity, 0); }, RangeError,
              'atime must be finite');
throwsMessage(function() { binding.rename(file, 'a\u0000b'); }, TypeError,
              'path must be a string without null bytes');
throwsMessage(function() { binding.readBuffer(0, -1, -1); }, RangeError,
              'length must be an integer from 0 to 1073741823');
throwsMessage(function() { new binding.StatWatcher().start(file, false, 0); }, RangeError,
              'interval must be an integer from 1 to 4294967295');

// Callback forms validate before queueing anything.
throwsType(function() { fs.open(null, 'r', function() { assert.fail('called'); }); });
throwsType(function() { fs.readdir(7, function() { assert.fail('called'); }); });
