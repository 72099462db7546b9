// puts() and print() write to stdout; debug() and error() write to stderr.
var common = require('../common');
var assert = require('assert');
var util = require('util');

var out = [];
var err = [];
var origWrite = process.stdout.write;
var origError = console.error;
process.stdout.write = function(chunk) {
  out.push(String(chunk));
  return true;
};
console.error = function() {
  err.push(util.format.apply(util, arguments));
};

try {
  util.puts('a', 'b');
  util.puts();
  util.print('x', 1, null);
  util.debug('message on stderr');
  util.debug('100%% sure');
  util.error('e1', 2);
} finally {
  process.stdout.write = origWrite;
  console.error = origError;
}

// puts: each argument on its own line.
assert.strictEqual(out[0], 'a\nb\n');
assert.strictEqual(out[1], '\n');
// print: arguments as they are, with no separators or newline.
assert.strictEqual(out.slice(2).join(''), 'x1null');

assert.deepEqual(err, ['DEBUG: message on stderr', 'DEBUG: 100%% sure', 'e1', '2']);
