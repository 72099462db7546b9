// createInterface and the Interface methods reject bad arguments with TypeErrors.
require('../common');
var assert = require('assert');
var util = require('util');
var Stream = require('stream').Stream;
var readline = require('readline');

function FakeInput() { Stream.call(this); }
util.inherits(FakeInput, Stream);
FakeInput.prototype.pause = function() {};
FakeInput.prototype.resume = function() {};

assert.throws(function() { readline.createInterface(); }, TypeError);
assert.throws(function() { readline.createInterface(42); }, TypeError);
assert.throws(function() { readline.createInterface({ input: 'nope' }); }, TypeError);
assert.throws(function() { readline.createInterface(new FakeInput(), 7); }, TypeError);
assert.throws(function() { readline.createInterface(new FakeInput(), null, 'x'); }, TypeError);
assert.throws(function() {
  readline.createInterface({ input: new FakeInput(), historySize: -1 });
}, RangeError);

var rl = readline.createInterface(new FakeInput(), null);
assert.throws(function() { rl.question('q?'); }, TypeError);
assert.throws(function() { rl.setPrompt('> ', 'long'); }, TypeError);
assert.ok(rl instanceof readline.Interface);
assert.ok(rl instanceof require('events').EventEmitter);
rl.close();
// Methods on a closed interface do nothing rather than throw.
rl.prompt();
rl.write('x\n');
rl.pause();
rl.resume();
