// Interoperates with the system's gzip: gunzips what `gzip` wrote (single and concatenated
// members, and at --best/--fast), and `gzip -d` accepts what zlib.gzip wrote.
var common = require('../common');
var assert = require('assert');
var childProcess = require('child_process');
var fs = require('fs');
var path = require('path');
var zlib = require('zlib');

var textPath = path.join(common.tmpDir, 'zlib-system.txt');
var lines = [];
for (var i = 0; i < 20000; i++) lines.push('line ' + i + ' ' + (i * i % 977));
var text = lines.join('\n') + '\n';
fs.writeFileSync(textPath, text);

function sh(command, callback) {
  childProcess.exec(command, { encoding: 'binary', maxBuffer: 64 * 1024 * 1024 },
                    common.mustCall(function(err, stdout, stderr) {
    assert.ifError(err);
    assert.strictEqual(stderr, '');
    callback(stdout);
  }));
}

['--fast', '-6', '--best'].forEach(function(flag) {
  var gzPath = path.join(common.tmpDir, 'zlib-system' + flag + '.gz');
  sh('gzip -c ' + flag + ' ' + textPath + ' > ' + gzPath, function() {
    var gz = fs.readFileSync(gzPath);
    assert.strictEqual(gz[0], 0x1f);
    assert.strictEqual(gz[1], 0x8b);
    zlib.gunzip(gz, common.mustCall(function(err, result) {
      assert.ifError(err);
      assert.strictEqual(result.toString(), text);
    }));
    zlib.unzip(gz, common.mustCall(function(err, result) {
      assert.ifError(err);
      assert.strictEqual(result.toString(), text);
    }));
    // As a stream, from the file.
    var out = '';
    var gunzip = zlib.createGunzip();
    gunzip.on('data', function(c) { out += c; });
    gunzip.on('end', common.mustCall(function() { assert.strictEqual(out, text); }));
    fs.createReadStream(gzPath).pipe(gunzip);
  });
});

// Two members back to back (`cat a.gz b.gz`) decode as their concatenation.
var partA = path.join(common.tmpDir, 'zlib-system-a.txt');
var partB = path.join(common.tmpDir, 'zlib-system-b.txt');
fs.writeFileSync(partA, 'first member\n');
fs.writeFileSync(partB, 'second member\n');
sh('gzip -c ' + partA + ' > ' + partA + '.gz && gzip -c ' + partB + ' > ' + partB + '.gz', function() {
  var both = fs.readFileSync(partA + '.gz').toString('binary') +
             fs.readFileSync(partB + '.gz').toString('binary');
  zlib.gunzip(new Buffer(both, 'binary'), common.mustCall(function(err, result) {
    assert.ifError(err);
    assert.strictEqual(result.toString(), 'first member\nsecond member\n');
  }));
});

// The other way: our gzip output, unpacked by `gzip -d`.
zlib.gzip(text, common.mustCall(function(err, gz) {
  assert.ifError(err);
  var ours = path.join(common.tmpDir, 'zlib-ours.gz');
  fs.writeFileSync(ours, gz);
  sh('gzip -dc ' + ours, function(stdout) {
    assert.strictEqual(stdout, text);
  });
  sh('gzip -t ' + ours + ' && echo ok', function(stdout) {
    assert.strictEqual(stdout, 'ok\n');
  });
}));
