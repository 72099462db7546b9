// zlib.markdown example 2: gzip a file through streams.
// adaptation: require('zlib'); input.txt is written in the temporary directory first; the check
// gunzips input.txt.gz when the output closes.
var assert = require('assert');
var zlib = require('zlib');
process.chdir(process.env.TEST_TMPDIR || '/tmp');
require('fs').writeFileSync('input.txt', 'some text to compress\n');
var gzip = zlib.createGzip();
var fs = require('fs');
var inp = fs.createReadStream('input.txt');
var out = fs.createWriteStream('input.txt.gz');

inp.pipe(gzip).pipe(out);
var ok = false;
out.on('close', function () {
  zlib.gunzip(fs.readFileSync('input.txt.gz'), function (err, buf) {
    assert.ifError(err);
    ok = buf.toString() === 'some text to compress\n';
  });
});
process.on('exit', function () { assert.ok(ok); });
