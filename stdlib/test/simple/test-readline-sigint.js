// Control-C in terminal mode: a 'SIGINT' event when someone listens, otherwise the interface
// closes. question() in terminal mode shows its query and restores the prompt afterwards.
var common = require('../common');
var assert = require('assert');
var util = require('util');
var Stream = require('stream').Stream;
var readline = require('readline');

function FakeInput() { Stream.call(this); this.rawModes = []; }
util.inherits(FakeInput, Stream);
FakeInput.prototype.pause = function() {};
FakeInput.prototype.resume = function() {};
FakeInput.prototype.setRawMode = function(flag) { this.rawModes.push(flag); };

function FakeOutput() { Stream.call(this); this.data = ''; }
util.inherits(FakeOutput, Stream);
FakeOutput.prototype.write = function(data) { this.data += data; return true; };

var input = new FakeInput();
var output = new FakeOutput();
var rl = readline.createInterface({ input: input, output: output, terminal: true });
rl.on('SIGINT', common.mustCall(function() {
  assert.strictEqual(rl.line, 'half typed');
}));
rl.on('close', function() { assert.fail('closed on SIGINT with a listener'); });
input.emit('data', 'half typed');
input.emit('data', '\x03');
assert.strictEqual(rl.closed, false);
rl.removeAllListeners('close');
rl.close();

var input2 = new FakeInput();
var output2 = new FakeOutput();
var rl2 = readline.createInterface({ input: input2, output: output2, terminal: true });
rl2.setPrompt('>> ');
rl2.question('What? ', common.mustCall(function(answer) {
  assert.strictEqual(answer, 'this');
  assert.strictEqual(rl2.getPrompt(), '>> ');
}));
assert.ok(/What\? (\x1b\[\d+G)?$/.test(output2.data), JSON.stringify(output2.data));
var lineEvents = 0;
rl2.on('line', function() { lineEvents++; });
input2.emit('data', 'this\r');
assert.strictEqual(lineEvents, 0);
rl2.on('close', common.mustCall(function() {
  assert.deepEqual(input2.rawModes, [true, false]);
}));
input2.emit('data', 'x\x03');  // no SIGINT listener: Control-C closes
assert.strictEqual(rl2.closed, true);
