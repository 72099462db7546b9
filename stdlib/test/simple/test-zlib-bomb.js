// A decompression bomb does not kill the process: the one-shot helpers call back with a
// RangeError (code ERR_BUFFER_TOO_LARGE) once the result would pass maxOutputLength (default:
// the largest Buffer, zlib.kMaxLength), instead of throwing from inside the stream. The bomb is
// made here: 16 MB of zeros, deflated a megabyte at a time (about 16 KB compressed); the limit is
// set low so the test never holds much memory.
var common = require('../common');
var assert = require('assert');
var zlib = require('zlib');

assert.strictEqual(zlib.kMaxLength, 0x3fffffff);

var ZEROS = new Buffer(1 << 20);
ZEROS.fill(0);
var MEGABYTES = 16;
var LIMIT = 1 << 20;

function makeBomb(Class, cb) {
  var engine = new Class({ level: 9 });
  var parts = [];
  engine.on('data', function(d) { parts.push(d); });
  engine.on('end', function() {
    var total = 0;
    parts.forEach(function(p) { total += p.length; });
    var all = new Buffer(total), at = 0;
    parts.forEach(function(p) { p.copy(all, at); at += p.length; });
    cb(all);
  });
  var i = 0;
  (function more() {
    while (i < MEGABYTES) {
      i++;
      if (!engine.write(ZEROS)) return engine.once('drain', more);
    }
    engine.end();
  })();
}

var cases = [
  [zlib.Gzip, 'gunzip'], [zlib.Gzip, 'unzip'], [zlib.Deflate, 'inflate'],
  [zlib.Deflate, 'unzip'], [zlib.DeflateRaw, 'inflateRaw']
];

function checkTooLarge(err, result, limit) {
  assert.ok(err instanceof RangeError, 'a RangeError: ' + err);
  assert.strictEqual(err.code, 'ERR_BUFFER_TOO_LARGE');
  assert.ok(/larger than 0x/.test(err.message), err.message);
  assert.ok(err.message.indexOf(limit.toString(16)) !== -1, err.message);
  assert.strictEqual(result, undefined);
}

var bombs = {};
function next() {
  var c = cases.shift();
  if (!c) return done();
  var Class = c[0], method = c[1];
  function withBomb(bomb) {
    bombs[Class.name] = bomb;
    assert.ok(bomb.length < (MEGABYTES << 20) / 100, 'a bomb: ' + bomb.length);
    var calls = 0;
    zlib[method](bomb, { maxOutputLength: LIMIT }, common.mustCall(function(err, result) {
      calls++;
      assert.strictEqual(calls, 1);
      checkTooLarge(err, result, LIMIT);
      // Under the limit, the same call gives the data.
      zlib[method](bomb, { maxOutputLength: MEGABYTES << 20 }, common.mustCall(function(e, r) {
        assert.ifError(e);
        assert.strictEqual(r.length, MEGABYTES << 20);
        setImmediateish(next);
      }));
    }));
  }
  if (bombs[Class.name]) withBomb(bombs[Class.name]);
  else makeBomb(Class, withBomb);
}

function setImmediateish(fn) { setTimeout(fn, 0); }

function done() {
  // Bad limits are thrown at once.
  [0, -1, 1.5, 'x', NaN, zlib.kMaxLength + 1, {}].forEach(function(bad) {
    assert.throws(function() {
      zlib.gunzip(new Buffer(0), { maxOutputLength: bad }, function() {});
    }, function(e) { return e instanceof RangeError && e.code === 'ERR_OUT_OF_RANGE'; });
  });
  assert.throws(function() { zlib.gunzip(new Buffer(0), 5, function() {}); }, TypeError);
  assert.throws(function() { zlib.gunzip(new Buffer(0), {}); }, TypeError);
  // The v0.6 two-argument form still works.
  zlib.gzip(new Buffer('hello'), common.mustCall(function(err, gz) {
    assert.ifError(err);
    zlib.gunzip(gz, common.mustCall(function(err2, plain) {
      assert.ifError(err2);
      assert.strictEqual(plain.toString(), 'hello');
    }));
  }));
}

next();
