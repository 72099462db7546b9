// Tab completion sees the variables declared earlier in a function body still being typed, as
// in v0.6.3.
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

var socket = new FakeSocket();
var r = repl.start('> ', socket);
function send(line) { socket.emit('data', line + '\n'); }
function complete(text) {
  var result;
  r.complete(text, function(err, value) { result = value; });
  return result;
}

send('function outer(someParam, otherParam) {');
send('  var localCounter = 1, localName = f(1, 2), localList = [3, 4];');
send('  const localConst = "var notAVariable";');
send('  // var commentedOut = 1;');
send('  function localHelper() {}');
send('  try { x(); } catch (localError) {');
assert.deepEqual(complete('localC'), [['localConst', 'localCounter'], 'localC']);
assert.deepEqual(complete('  return localN'), [['localName'], 'localN']);
assert.deepEqual(complete('localL'), [['localList'], 'localL']);
assert.deepEqual(complete('localH'), [['localHelper'], 'localH']);
assert.deepEqual(complete('localE'), [['localError'], 'localE']);
assert.deepEqual(complete('somePa'), [['someParam'], 'somePa']);
assert.deepEqual(complete('notAVar'), [[], 'notAVar']);
assert.deepEqual(complete('commentedO'), [[], 'commentedO']);

// Once the function is finished its locals are gone from completion.
send('  }');
send('}');
assert.deepEqual(complete('localC'), [[], 'localC']);
