// readline.markdown example 3: creating an interface on stdin/stdout.
// adaptation: the check is that it is an interface that can be closed (stdin is destroyed to
// let the process end).
var assert = require('assert');
var readline = require('readline'),
  rl = readline.createInterface(process.stdin, process.stdout);
assert.strictEqual(typeof rl.question, 'function');
assert.strictEqual(typeof rl.setPrompt, 'function');
rl.close();
process.stdin.destroy();
