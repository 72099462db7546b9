// REPLs started in one process share one context, as in v0.6.3; .clear gives them a fresh one
// (shared by REPLs started after it); useGlobal REPLs use the global object.
var common = require('../common');
var assert = require('assert');
var util = require('util');
var Stream = require('stream').Stream;
var repl = require('repl');

function FakeSocket() {
  Stream.call(this);
  this.data = '';
}
util.inherits(FakeSocket, Stream);
FakeSocket.prototype.pause = function() {};
FakeSocket.prototype.resume = function() {};
FakeSocket.prototype.write = function(data) { this.data += data; return true; };
FakeSocket.prototype.end = function() {};

function start() {
  var socket = new FakeSocket();
  var server = repl.start('> ', socket);
  server.send = function(line) {
    socket.data = '';
    socket.emit('data', line + '\n');
    return socket.data;
  };
  return server;
}

var a = start();
var b = start();
assert.strictEqual(a.context, b.context);
a.send('var sharedValue = 41');
assert.strictEqual(b.send('sharedValue + 1'), '42\n> ');
b.send('function sharedFn() { return "from b"; }');
assert.strictEqual(a.send('sharedFn()'), "'from b'\n> ");

// .clear: a fresh context, which the next REPL started shares.
assert.strictEqual(a.send('.clear'), 'Clearing context...\n> ');
assert.notStrictEqual(a.context, b.context);
assert.strictEqual(a.send('typeof sharedValue'), "'undefined'\n> ");
var c = start();
assert.strictEqual(c.context, a.context);

// A useGlobal REPL runs in the global object, not in the shared context.
var g = repl.start({ prompt: 'g> ', input: new FakeSocket(), output: new FakeSocket(),
                     useGlobal: true });
assert.strictEqual(g.context, global);
