// The REPL over a duplex stream that is not a terminal: prompts, results printed with
// util.inspect, `_`, multi-line input with the '... ' prompt, .break, .clear, errors that leave
// the REPL running, the context object, and .exit ending the stream.
var common = require('../common');
var assert = require('assert');
var util = require('util');
var Stream = require('stream').Stream;
var repl = require('repl');

function FakeSocket() {
  Stream.call(this);
  this.readable = this.writable = true;
  this.data = '';
  this.ended = false;
}
util.inherits(FakeSocket, Stream);
FakeSocket.prototype.pause = function() {};
FakeSocket.prototype.resume = function() {};
FakeSocket.prototype.write = function(data) { this.data += data; return true; };
FakeSocket.prototype.end = function() { this.ended = true; };

var socket = new FakeSocket();
var server = repl.start('test> ', socket);
assert.ok(server instanceof repl.REPLServer);
assert.strictEqual(socket.data, 'test> ');

// Sends one line; returns what the REPL wrote back, prompt included.
function send(line) {
  socket.data = '';
  socket.emit('data', line + '\n');
  return socket.data;
}

assert.strictEqual(send('1 + 2'), '3\ntest> ');
assert.strictEqual(send('[ "a", "b", "c" ]'), "[ 'a', 'b', 'c' ]\ntest> ");
assert.strictEqual(send('_.length'), '3\ntest> ');
assert.strictEqual(send('_ += 1'), '4\ntest> ');
assert.strictEqual(send('var x = 10'), 'undefined\ntest> ');
assert.strictEqual(send('x * 2'), '20\ntest> ');
assert.strictEqual(send('({ a: 1, b: "two" })'), "{ a: 1, b: 'two' }\ntest> ");
assert.strictEqual(send('{ a: 1 }'), '{ a: 1 }\ntest> ', 'a bare object literal');
assert.strictEqual(send(''), 'test> ');

// Multi-line: incomplete code waits for more under '... '.
assert.strictEqual(send('function add(a, b) {'), '... ');
assert.strictEqual(send('  return a + b;'), '... ');
assert.strictEqual(send('}'), 'undefined\ntest> ');
assert.strictEqual(send('add(2, 3)'), '5\ntest> ');
var printed = [];
var realLog = console.log;
console.log = function(v) { printed.push(v); };
assert.strictEqual(send('[1, 2].forEach(function (v) {'), '... ');
assert.strictEqual(send('  console.log(v);'), '... ');
assert.strictEqual(send('  });'), 'undefined\ntest> ');
console.log = realLog;
assert.deepEqual(printed, [1, 2], 'console in the context is the real one');

// .break drops a multi-line expression.
assert.strictEqual(send('if (true) {'), '... ');
assert.strictEqual(send('.break'), 'test> ');
assert.strictEqual(server.bufferedCommand, '');
assert.strictEqual(send('7'), '7\ntest> ');

// Errors are printed (with the REPL's frames only) and the REPL goes on.
var out = send('throw new Error("boom")');
assert.ok(/^Error: boom\n    at repl:1:7\ntest> $/.test(out), JSON.stringify(out));
out = send('nosuchthing');
assert.ok(/^ReferenceError: nosuchthing is not defined\n/.test(out), JSON.stringify(out));
assert.ok(!/repl\.js|vm\.js/.test(out), 'internal frames are left out: ' + out);
out = send('function f() { null.x; }');
out = send('f()');
assert.ok(/^TypeError: .*\n    at f \(repl:1:21\)\n    at repl:1:1\ntest> $/.test(out),
          JSON.stringify(out));
out = send('a b');
assert.ok(/^SyntaxError: Unexpected identifier( 'b')?\ntest> $/.test(out), JSON.stringify(out));
assert.strictEqual(send('throw 42'), '42\ntest> ');
assert.strictEqual(send('2 + 2'), '4\ntest> ');
assert.strictEqual(send('.nope'), 'Invalid REPL keyword\ntest> ');
// Inside a multi-line expression a line starting with '.' may be code.
assert.strictEqual(send('var s = ("abc"'), '... ');
assert.strictEqual(send('.toUpperCase())'), 'undefined\ntest> ');
assert.strictEqual(send('s'), "'ABC'\ntest> ");
assert.strictEqual(send('.5 + 1'), '1.5\ntest> ', 'a number is not a command');

// The context: values put there appear as variables; the REPL's own variables land there.
server.context.m = 'message';
assert.strictEqual(send('m'), "'message'\ntest> ");
assert.strictEqual(server.context.x, 10);
assert.strictEqual(typeof global.x, 'undefined', 'a separate context from the global one');
assert.strictEqual(send('typeof require("path").join'), "'function'\ntest> ");
assert.strictEqual(send('typeof process.nextTick'), "'function'\ntest> ");

// .clear: a fresh context.
assert.strictEqual(send('.clear'), 'Clearing context...\ntest> ');
assert.strictEqual(send('typeof x'), "'undefined'\ntest> ");

// Several lines in one chunk are taken in order.
socket.data = '';
socket.emit('data', '1\n2\n3\n');
assert.strictEqual(socket.data, '1\ntest> 2\ntest> 3\ntest> ');

// .exit closes the REPL and ends its stream.
server.on('exit', common.mustCall(function() {}));
send('.exit');
assert.strictEqual(socket.ended, true);
send('1');
assert.strictEqual(socket.data, '', 'a closed REPL reads nothing more');
