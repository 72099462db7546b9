// readFile/writeFile with encodings: strings in, strings out.
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var path = require('path');

var file = path.join(common.tmpDir, 'whole-text.txt');
var text = 'caf\u00e9 \u2603 \ud83d\ude00\n';

fs.writeFileSync(file, text);
assert.strictEqual(fs.readFileSync(file, 'utf8'), text);
assert.strictEqual(fs.readFileSync(file).toString('utf8'), text);
assert.strictEqual(fs.readFileSync(file).length, Buffer.byteLength(text));

// An encoding on write decodes the string first.
fs.writeFileSync(file, 'deadbeef', 'hex');
assert.strictEqual(fs.readFileSync(file, 'hex'), 'deadbeef');

fs.writeFile(file, text, 'utf8', common.mustCall(function(err) {
  assert.ifError(err);
  fs.readFile(file, 'utf8', common.mustCall(function(err, got) {
    assert.ifError(err);
    assert.strictEqual(got, text);
  }));
}));
