// Tab completion in terminal mode: a synchronous completer(line) -> [completions, substring]
// and the asynchronous completer(line, callback) form. One match is inserted, several with a
// longer common prefix extend the line, otherwise they are listed under it.
var common = require('../common');
var assert = require('assert');
var util = require('util');
var Stream = require('stream').Stream;
var readline = require('readline');

function FakeInput() { Stream.call(this); }
util.inherits(FakeInput, Stream);
FakeInput.prototype.pause = function() {};
FakeInput.prototype.resume = function() {};

function FakeOutput() { Stream.call(this); this.data = ''; this.columns = 40; }
util.inherits(FakeOutput, Stream);
FakeOutput.prototype.write = function(data) { this.data += data; return true; };

var words = ['apple', 'apricot', 'banana', 'blueberry', 'blackberry'];
var asked = [];
function completer(line) {
  asked.push(line);
  var word = line.split(' ').pop();
  return [words.filter(function(w) { return w.indexOf(word) === 0; }), word];
}

var input = new FakeInput();
var output = new FakeOutput();
var rl = readline.createInterface({ input: input, output: output, completer: completer,
                                    terminal: true });
function type(s) { input.emit('data', s); }

// One match: inserted.
type('eat ban\t');
assert.deepEqual(asked, ['eat ban']);
assert.strictEqual(rl.line, 'eat banana');
assert.strictEqual(rl.cursor, 10);

// Only the text left of the cursor is completed; the rest stays after it.
type('\x15b! x\x1b[D\x1b[D\x1b[D');
assert.strictEqual(rl.cursor, 1);
type('\t');
assert.strictEqual(asked[1], 'b');
// banana, blueberry and blackberry share only "b": they are listed, the line is unchanged.
assert.strictEqual(rl.line, 'b! x');
assert.strictEqual(rl.cursor, 1);
assert.ok(output.data.indexOf('banana') !== -1 && output.data.indexOf('blackberry') !== -1 &&
          output.data.indexOf('blueberry') !== -1, JSON.stringify(output.data));

// A longer common prefix extends the line: bl -> blueberry, blackberry share "bl".
type('l\t');
assert.strictEqual(rl.line, 'bl! x');
type('a\t');
assert.strictEqual(rl.line, 'blackberry! x');
assert.strictEqual(rl.cursor, 10);

// No match: nothing happens.
type('\x05\x15zzz\t');
assert.strictEqual(rl.line, 'zzz');
rl.close();

// The completer is exposed in its asynchronous form, whichever form was given.
var got;
rl.completer('ap', function(err, result) { got = result; });
assert.deepEqual(got, [['apple', 'apricot'], 'ap']);

// The asynchronous form (two parameters): the answer may come later.
var input2 = new FakeInput();
var asyncCalls = 0;
var rl2 = readline.createInterface({
  input: input2,
  output: new FakeOutput(),
  terminal: true,
  completer: function(line, callback) {
    asyncCalls++;
    assert.strictEqual(line, '12');
    setTimeout(function() { callback(null, [['123'], line]); }, 10);
  }
});
process.on('exit', function() { assert.strictEqual(asyncCalls, 1); });
input2.emit('data', '12\t');
assert.strictEqual(rl2.line, '12');
setTimeout(common.mustCall(function() {
  assert.strictEqual(rl2.line, '123');
  rl2.close();
}), 100);

// Without a completer, Tab is just a character.
var input3 = new FakeInput();
var rl3 = readline.createInterface({ input: input3, output: new FakeOutput(), terminal: true });
input3.emit('data', 'a\tb');
assert.strictEqual(rl3.line, 'a\tb');
rl3.close();
