// readline in terminal mode: raw mode on and off, echo, cursor movement and the emacs-style
// editing keys, escape sequences cut anywhere between reads, and Control-D.
var common = require('../common');
var assert = require('assert');
var util = require('util');
var Stream = require('stream').Stream;
var readline = require('readline');

function FakeInput() {
  Stream.call(this);
  this.rawModes = [];
}
util.inherits(FakeInput, Stream);
FakeInput.prototype.pause = function() {};
FakeInput.prototype.resume = function() {};
FakeInput.prototype.setRawMode = function(flag) { this.rawModes.push(flag); };

function FakeOutput() {
  Stream.call(this);
  this.data = '';
  this.columns = 80;
  this.isTTY = true;
}
util.inherits(FakeOutput, Stream);
FakeOutput.prototype.write = function(data) { this.data += data; return true; };

var input = new FakeInput();
var output = new FakeOutput();
// A TTY output makes it a terminal interface without being asked.
var rl = readline.createInterface(input, output);
assert.strictEqual(rl.terminal, true);
assert.deepEqual(input.rawModes, [true]);
var lines = [];
rl.on('line', function(line) { lines.push(line); });

function type() {
  for (var i = 0; i < arguments.length; i++) input.emit('data', arguments[i]);
}
function state(line, cursor, what) {
  assert.strictEqual(rl.line, line, what + ': line ' + JSON.stringify(rl.line));
  assert.strictEqual(rl.cursor, cursor, what + ': cursor ' + rl.cursor);
}

rl.prompt();
assert.ok(/^\r\x1b\[0J> \x1b\[3G$/.test(output.data), JSON.stringify(output.data));
output.data = '';
type('hel', 'lo');
state('hello', 5, 'typing');
assert.strictEqual(output.data, 'hello', 'typed text is echoed');

// Left arrow twice, each cut in a different place; then the cursor is redrawn at column 6
// (the prompt takes two).
type('\x1b', '[D', '\x1b[', 'D');
state('hello', 3, 'left');
assert.ok(/\x1b\[6G$/.test(output.data), JSON.stringify(output.data));
type('X');
state('helXlo', 4, 'insert in the middle');
assert.ok(output.data.indexOf('> helXlo') !== -1, 'the line is redrawn');

type('\x01');  // Control-A
state('helXlo', 0, 'ctrl-a');
type('\x05');  // Control-E
state('helXlo', 6, 'ctrl-e');
type('\x02\x02');  // Control-B twice
state('helXlo', 4, 'ctrl-b');
type('\x06');  // Control-F
state('helXlo', 5, 'ctrl-f');
type('\x7f');  // Backspace
state('helXo', 4, 'backspace');
type('\x08');  // Control-H
state('helo', 3, 'ctrl-h');
type('\x1b[3~');  // Delete
state('hel', 3, 'delete');
type('\x1b[H');  // Home (xterm)
state('hel', 0, 'home');
type('\x1bOF');  // End (SS3 form)
state('hel', 3, 'end');
type('\x1b[1~');  // Home (vt form)
state('hel', 0, 'home ~');
type('\x1b[4', '~');  // End, cut
state('hel', 3, 'end ~');
type('\x1b[D\x1b[D', '\x04');  // Control-D deletes under the cursor on a non-empty line
state('hl', 1, 'ctrl-d');
type('\x0b');  // Control-K
state('h', 1, 'ctrl-k');
type('ello world');
type('\x15');  // Control-U
state('', 0, 'ctrl-u');

type('foo bar.baz  ');
type('\x17');  // Control-W: a word with the blanks after it
state('foo bar.', 8, 'ctrl-w');
type('\x17');
state('foo bar', 7, 'ctrl-w punctuation');
type('\x1bb');  // Meta-B
state('foo bar', 4, 'meta-b');
type('\x1b[1;5D');  // Control-Left
state('foo bar', 0, 'ctrl-left');
type('\x1bf');  // Meta-F
state('foo bar', 3, 'meta-f');
type('\x1bd');  // Meta-D
state('foo', 3, 'meta-d');

// Enter ends the line; \r\n (a paste) is one Enter, even cut between reads.
type('\r');
assert.deepEqual(lines, ['foo']);
state('', 0, 'after enter');
type('two\r', '\nthree\n');
assert.deepEqual(lines, ['foo', 'two', 'three']);

// Multibyte text arrives as bytes, cut anywhere.
type(new Buffer([0xe2, 0x82]), new Buffer([0xac, 0x31]));
state('\u20ac1', 2, 'utf-8');
type('\x1b[D\x1b[D', '\x1b[3~');
state('1', 0, 'delete a multibyte character');
type('\x05\x15');

// write() with a key name, and with text containing a line break.
rl.write('abc');
rl.write(null, { ctrl: true, name: 'a' });
state('abc', 0, 'write with a key');
rl.write(null, { ctrl: true, name: 'k' });
rl.write('typed\n');
assert.strictEqual(lines[lines.length - 1], 'typed');

// A lone Escape waits for more; when more never comes it is dropped and typing goes on.
type('\x1b');
state('', 0, 'pending escape');
setTimeout(common.mustCall(function() {
  type('ok');
  state('ok', 2, 'after a lone escape');
  type('\x15');

  // Control-D on an empty line closes, and raw mode is switched off again.
  rl.on('close', common.mustCall(function() {
    assert.deepEqual(input.rawModes, [true, false]);
  }));
  type('\x04');
  assert.strictEqual(rl.closed, true);
}), 700);
