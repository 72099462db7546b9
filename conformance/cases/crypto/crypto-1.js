// crypto.markdown example 1: the sha1 of a file read as a stream (sha1sum).
// adaptation: documented with the file name as argument: this case hashes itself when run
// without one; the check compares with the whole file hashed at once.
var assert = require('assert');
if (!process.argv[2]) process.argv[2] = __filename;  // adaptation
var logged = [];
var realLog = console.log;
console.log = function (line) { logged.push(line); realLog.apply(console, arguments); };

var filename = process.argv[2];
var crypto = require('crypto');
var fs = require('fs');

var shasum = crypto.createHash('sha1');

var s = fs.ReadStream(filename);
s.on('data', function(d) {
  shasum.update(d);
});

s.on('end', function() {
  var d = shasum.digest('hex');
  console.log(d + '  ' + filename);
});

process.on('exit', function () {
  var whole = crypto.createHash('sha1').update(fs.readFileSync(filename)).digest('hex');
  assert.deepEqual(logged, [whole + '  ' + filename]);
});
