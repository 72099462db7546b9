// The dictionary option, flush(), reset() and the write callbacks.
var common = require('../common');
var assert = require('assert');
var zlib = require('zlib');

var dictionary = new Buffer('the quick brown fox jumps over the lazy dog');
var input = 'the lazy dog jumps over the quick brown fox, the quick brown dog';

function collect(stream, callback) {
  var chunks = [];
  stream.on('data', function(c) { chunks.push(c.toString('binary')); });
  stream.on('end', function() { callback(new Buffer(chunks.join(''), 'binary')); });
}

// Deflate with a dictionary: smaller, and inflates with the same dictionary only.
var plain = zlib.createDeflate();
var withDict = zlib.createDeflate({ dictionary: dictionary });
collect(plain, common.mustCall(function(plainOut) {
  collect(withDict, common.mustCall(function(dictOut) {
    assert.ok(dictOut.length < plainOut.length, dictOut.length + ' vs ' + plainOut.length);
    var good = zlib.createInflate({ dictionary: dictionary });
    collect(good, common.mustCall(function(result) {
      assert.strictEqual(result.toString(), input);
    }));
    good.end(dictOut);

    var missing = zlib.createInflate();
    missing.on('error', common.mustCall(function(err) {
      assert.strictEqual(err.code, 'Z_NEED_DICT');
      assert.strictEqual(err.errno, zlib.Z_NEED_DICT);
      assert.ok(/dictionary/i.test(err.message));
    }));
    missing.end(dictOut);

    var wrong = zlib.createInflate({ dictionary: new Buffer('something else') });
    wrong.on('error', common.mustCall(function(err) {
      assert.strictEqual(err.code, 'Z_DATA_ERROR');
      assert.ok(/dictionary/i.test(err.message));
    }));
    wrong.end(dictOut);
  }));
  withDict.end(input);
}));
plain.end(input);

// Raw deflate with a dictionary.
var rawOut = zlib.createDeflateRaw({ dictionary: dictionary });
collect(rawOut, common.mustCall(function(out) {
  var rawIn = zlib.createInflateRaw({ dictionary: dictionary });
  collect(rawIn, common.mustCall(function(result) {
    assert.strictEqual(result.toString(), input);
  }));
  rawIn.end(out);
}));
rawOut.end(input);

// flush(): what was written so far can be inflated before the stream ends.
var deflater = zlib.createDeflate();
var inflater = zlib.createInflate();
var inflated = '';
deflater.pipe(inflater);
inflater.on('data', function(c) { inflated += c; });
deflater.write('hello ');
deflater.flush(common.mustCall(function() {
  setTimeout(common.mustCall(function() {
    assert.strictEqual(inflated, 'hello ');
    deflater.write('world', common.mustCall());
    deflater.end();
  }), 50);
}));
inflater.on('end', common.mustCall(function() { assert.strictEqual(inflated, 'hello world'); }));

// reset(): a fresh stream, same options.
var resettable = zlib.createInflate();
resettable.on('error', common.mustCall(function(err) {
  assert.strictEqual(err.code, 'Z_DATA_ERROR');
}));
zlib.deflate('again', common.mustCall(function(err, deflated) {
  assert.ifError(err);
  var r = zlib.createInflate();
  var got = '';
  r.on('data', function(c) { got += c; });
  r.write(deflated, common.mustCall(function() {
    assert.strictEqual(got, 'again');
    r.reset();
    r.write(deflated, common.mustCall(function() {
      assert.strictEqual(got, 'againagain');
      r.end();
    }));
  }));
  r.on('end', common.mustCall());
  resettable.end(new Buffer('not zlib data'));
}));
