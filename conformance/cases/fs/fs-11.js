// fs.markdown example 11: reading bytes 90 to 99 (inclusive) of a file.
// adaptation: sample.txt is written in the temporary directory first (the bytes 0..199 as
// text digits) and the stream is read for the check.
var assert = require('assert');
var fs = require('fs');
process.chdir(process.env.TEST_TMPDIR || '/tmp');
var text = '';
for (var i = 0; i < 200; i++) text += String(i % 10);
fs.writeFileSync('sample.txt', text);

var stream =  // adaptation: keep the stream to read it
fs.createReadStream('sample.txt', {start: 90, end: 99});

var got = '';
stream.on('data', function (d) { got += d; });
process.on('exit', function () { assert.strictEqual(got, text.slice(90, 100)); });
