// The REPL on a terminal: echo and editing come from readline, results are coloured, Tab
// completes commands, context variables and properties, Control-C abandons the line and twice
// on an empty line exits.
var common = require('../common');
var assert = require('assert');
var util = require('util');
var Stream = require('stream').Stream;
var repl = require('repl');

function FakeTTY() {
  Stream.call(this);
  this.data = '';
  this.isTTY = true;
  this.columns = 80;
  this.rawModes = [];
}
util.inherits(FakeTTY, Stream);
FakeTTY.prototype.pause = function() {};
FakeTTY.prototype.resume = function() {};
FakeTTY.prototype.setRawMode = function(flag) { this.rawModes.push(flag); };
FakeTTY.prototype.write = function(data) { this.data += data; return true; };
FakeTTY.prototype.end = function() { this.ended = true; };

var tty = new FakeTTY();
var r = repl.start('> ', tty);
assert.strictEqual(r.rli.terminal, true);
assert.deepEqual(tty.rawModes, [true]);
function type(s) { tty.emit('data', s); }

tty.data = '';
type('1 + 1\r');
// The typed text is echoed, the result is coloured (a number is yellow).
assert.ok(tty.data.indexOf('1 + 1\r\n\x1b[33m2\x1b[39m\n') === 0, JSON.stringify(tty.data));

r.context.someLongVariableName = { alpha: 1, beta: 2 };
type('someLong\t');
assert.strictEqual(r.rli.line, 'someLongVariableName');
type('.al\t');
assert.strictEqual(r.rli.line, 'someLongVariableName.alpha');
type('\x15.hel\t');
assert.strictEqual(r.rli.line, '.help');
type('\x15');
var completions;
r.complete('[].pus', function(err, result) { completions = result; });
assert.deepEqual(completions[0], [], 'a call result is not evaluated');
r.complete('Math.ma', function(err, result) { completions = result; });
assert.deepEqual(completions, [['Math.max'], 'Math.ma']);
r.complete('typ', function(err, result) { completions = result; });
assert.deepEqual(completions, [['typeof'], 'typ']);

// Control-C: abandons the line or the multi-line expression.
type('if (true) {\r');
assert.strictEqual(r.bufferedCommand, 'if (true) {\n');
type('half');
type('\x03');
assert.strictEqual(r.bufferedCommand, '');
assert.strictEqual(r.rli.line, '');
r.on('exit', common.mustCall(function() {
  assert.deepEqual(tty.rawModes, [true, false]);
}));
type('\x03');
assert.ok(/\(\^C again to quit\)/.test(tty.data));
assert.strictEqual(r.rli.closed, false);
type('\x03');
assert.strictEqual(r.rli.closed, true);
