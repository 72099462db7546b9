// readline.markdown example 2: the completer signature (indented only 2 spaces upstream).
// adaptation: the completer is given to createInterface and called for a line; the check is
// that it hands back ['123'] and the partial line.
var assert = require('assert');
  function completer(linePartial, callback) {
callback(null, [['123'], linePartial]);
  }
var rl = require('readline').createInterface(process.stdin, process.stdout, completer);
var got = null;
rl.completer('12', function (err, result) { got = result; });
assert.deepEqual(got, [['123'], '12']);
rl.close();
process.stdin.destroy();
