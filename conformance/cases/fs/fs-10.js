// fs.markdown example 10: the js-value default options of fs.createReadStream.
// adaptation: the literal becomes a check that a stream made with these options reads the same
// Buffers as one made without options.
var assert = require('assert');
var fs = require('fs');

var options = { flags: 'r',
  encoding: null,
  fd: null,
  mode: 0666,
  bufferSize: 64 * 1024
};

var read = [];
[undefined, options].forEach(function (opts, i) {
  var chunks = [];
  fs.createReadStream(__filename, opts)
    .on('data', function (d) { assert.ok(Buffer.isBuffer(d)); chunks.push(d.toString()); })
    .on('end', function () { read[i] = chunks.join(''); });
});
process.on('exit', function () {
  var whole = fs.readFileSync(__filename, 'utf8');
  assert.deepEqual(read, [whole, whole]);
});
