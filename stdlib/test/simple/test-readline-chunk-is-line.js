// readline on a stream that is not a terminal treats each 'data' chunk as a line, as v0.6.3
// did: text without a newline is not held back for a later chunk.
var common = require('../common');
var assert = require('assert');
var util = require('util');
var Stream = require('stream').Stream;
var readline = require('readline');

function FakeInput() {
  Stream.call(this);
  this.readable = true;
}
util.inherits(FakeInput, Stream);
FakeInput.prototype.pause = function() {};
FakeInput.prototype.resume = function() {};

var input = new FakeInput();
var rl = readline.createInterface(input, null, null);
var lines = [];
rl.on('line', function(line) { lines.push(line); });

input.emit('data', 'no newline');
assert.deepEqual(lines, ['no newline']);
input.emit('data', 'a');
input.emit('data', 'b\n');
assert.deepEqual(lines, ['no newline', 'a', 'b']);
input.emit('data', '\n');
assert.deepEqual(lines, ['no newline', 'a', 'b', '']);
input.emit('data', new Buffer('buffer chunk'));
assert.strictEqual(lines[4], 'buffer chunk');

// question() is answered by the next chunk, newline or not.
rl.question('? ', common.mustCall(function(answer) {
  assert.strictEqual(answer, 'yes');
}));
input.emit('data', 'yes');

// A REPL on such a stream evaluates a chunk without waiting for a newline.
var out = '';
var replInput = new FakeInput();
var replOutput = new Stream();
replOutput.writable = true;
replOutput.write = function(d) { out += d; return true; };
require('repl').start({ prompt: '> ', input: replInput, output: replOutput });
out = '';
replInput.emit('data', '6 * 7');
assert.strictEqual(out, '42\n> ');
