// fs.markdown example 5: reading a whole file asynchronously.
// adaptation: require('fs'); the check compares with fs.readFileSync (a Buffer, no encoding).
var assert = require('assert');
var fs = require('fs');
var got = null;
var realLog = console.log;
console.log = function (data) { got = data; realLog.apply(console, arguments); };

fs.readFile('/etc/passwd', function (err, data) {
  if (err) throw err;
  console.log(data);
});

process.on('exit', function () {
  assert.ok(Buffer.isBuffer(got));
  assert.strictEqual(got.toString(), fs.readFileSync('/etc/passwd').toString());
});
