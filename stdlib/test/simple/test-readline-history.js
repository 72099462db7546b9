// readline's history in terminal mode: Up and Down (and Control-P/N) walk through earlier
// lines, newest first; the line being typed comes back at the bottom; blank lines and repeats
// are not kept; historySize bounds it.
require('../common');
var assert = require('assert');
var util = require('util');
var Stream = require('stream').Stream;
var readline = require('readline');

function FakeInput() { Stream.call(this); }
util.inherits(FakeInput, Stream);
FakeInput.prototype.pause = function() {};
FakeInput.prototype.resume = function() {};

function FakeOutput() { Stream.call(this); this.data = ''; }
util.inherits(FakeOutput, Stream);
FakeOutput.prototype.write = function(data) { this.data += data; return true; };

var input = new FakeInput();
var rl = readline.createInterface({ input: input, output: new FakeOutput(), terminal: true,
                                    historySize: 3 });
var lines = [];
rl.on('line', function(line) { lines.push(line); });
function type(s) { input.emit('data', s); }

var UP = '\x1b[A', DOWN = '\x1b[B';
type('one\r');
type('two\r');
type('   \r');   // blank: not kept
type('two\r');   // a repeat of the last: not kept again
type('three\r');
assert.deepEqual(lines, ['one', 'two', '   ', 'two', 'three']);
assert.deepEqual(rl.history, ['three', 'two', 'one']);

type('draft');
type(UP);
assert.strictEqual(rl.line, 'three');
assert.strictEqual(rl.cursor, 5);
type(UP);
assert.strictEqual(rl.line, 'two');
type('\x10');  // Control-P
assert.strictEqual(rl.line, 'one');
type(UP);  // the oldest: stays
assert.strictEqual(rl.line, 'one');
type(DOWN);
assert.strictEqual(rl.line, 'two');
type('\x0e');  // Control-N
assert.strictEqual(rl.line, 'three');
type(DOWN);
assert.strictEqual(rl.line, 'draft', 'the line being typed comes back');
type(DOWN);
assert.strictEqual(rl.line, 'draft');

// A recalled line can be edited and entered.
type('\x15');
type(UP + UP + '!\r');
assert.strictEqual(lines[lines.length - 1], 'two!');
assert.deepEqual(rl.history, ['two!', 'three', 'two'], 'bounded by historySize');

// The arrow sequences may be cut by reads, too.
type('\x1b');
type('[');
type('A');
assert.strictEqual(rl.line, 'two!');
rl.close();

// Plain mode keeps no history.
var input2 = new FakeInput();
var rl2 = readline.createInterface(input2, new FakeOutput());
input2.emit('data', 'x\ny\n');
assert.deepEqual(rl2.history, []);
rl2.close();
