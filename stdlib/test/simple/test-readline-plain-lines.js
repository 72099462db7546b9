// readline on a pipe-like stream (not a terminal): lines split at \n or \r\n wherever the
// chunks break, UTF-8 cut between chunks, no echo, prompts written, the last unterminated line
// given at 'end', then 'close'.
var common = require('../common');
var assert = require('assert');
var util = require('util');
var Stream = require('stream').Stream;
var readline = require('readline');

function FakeInput() {
  Stream.call(this);
  this.readable = true;
  this.pauses = 0;
  this.resumes = 0;
}
util.inherits(FakeInput, Stream);
FakeInput.prototype.pause = function() { this.pauses++; };
FakeInput.prototype.resume = function() { this.resumes++; };

function FakeOutput() {
  Stream.call(this);
  this.writable = true;
  this.data = '';
}
util.inherits(FakeOutput, Stream);
FakeOutput.prototype.write = function(data) { this.data += data; return true; };

var input = new FakeInput();
var output = new FakeOutput();
var rl = readline.createInterface(input, output, null);
assert.strictEqual(rl.terminal, false);
assert.strictEqual(input.resumes, 1, 'createInterface resumes its input');

var lines = [];
rl.on('line', function(line) { lines.push(line); });
var closed = 0;
rl.on('close', function() { closed++; });

input.emit('data', 'one\ntwo\r\n');
input.emit('data', 'three\r\n\nfo');
assert.deepEqual(lines, ['one', 'two', 'three', '', 'fo']);
// "é" is c3 a9 and "€" is e2 82 ac in UTF-8: cut in the middle, they still decode (each chunk
// being a line, the characters land in the lines of the chunks that complete them).
input.emit('data', new Buffer([0x75, 0x72, 0x0a, 0xc3]));
input.emit('data', new Buffer([0xa9, 0xe2, 0x82]));
input.emit('data', new Buffer([0xac, 0x0a]));
assert.deepEqual(lines, ['one', 'two', 'three', '', 'fo', 'ur', '\u00e9', '\u20ac']);
assert.strictEqual(output.data, '', 'nothing is echoed');

rl.setPrompt('>> ');
rl.prompt();
assert.strictEqual(output.data, '>> ');

// question(): the answer goes to the callback, not to 'line'; the prompt comes back after.
rl.question('Name? ', common.mustCall(function(answer) {
  assert.strictEqual(answer, 'Ada');
  rl.prompt();
}));
assert.strictEqual(output.data, '>> Name? ');
input.emit('data', 'Ada\n');
assert.strictEqual(lines.length, 8);
assert.strictEqual(output.data, '>> Name? >> ');

// pause() and resume() reach the stream and are reported, once per change.
var events = [];
rl.on('pause', function() { events.push('pause'); });
rl.on('resume', function() { events.push('resume'); });
rl.pause();
rl.pause();
rl.resume();
assert.deepEqual(events, ['pause', 'resume']);
assert.strictEqual(input.pauses, 1);
assert.strictEqual(input.resumes, 2);

// write() feeds input as if it had been read.
rl.write('written\n');
assert.strictEqual(lines[8], 'written');

// A chunk without a newline is a line at once; the end of the input closes the interface, once.
input.emit('data', 'last');
assert.strictEqual(lines.length, 10);
assert.strictEqual(lines[9], 'last');
input.emit('end');
assert.strictEqual(lines.length, 10);
assert.strictEqual(closed, 1);
assert.strictEqual(rl.closed, true);
rl.close();
assert.strictEqual(closed, 1);
// A closed interface hears nothing more.
input.emit('data', 'late\n');
assert.strictEqual(lines.length, 10);
assert.strictEqual(input.listeners('data').length, 0);

// Today's options-object form.
var input2 = new FakeInput();
var rl2 = readline.createInterface({ input: input2, output: new FakeOutput(), terminal: false,
                                     prompt: '$ ' });
assert.strictEqual(rl2.getPrompt(), '$ ');
var got2 = [];
rl2.on('line', function(line) { got2.push(line); });
input2.emit('data', 'a\nb\n');
assert.deepEqual(got2, ['a', 'b']);
rl2.close();

// No output at all is allowed: prompts simply go nowhere.
var rl3 = readline.createInterface({ input: new FakeInput() });
rl3.prompt();
rl3.close();
