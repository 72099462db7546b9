// .save writes every line typed, as in v0.6.3: lines of expressions that failed, and of one
// still unfinished, included (REPL commands are not).
var common = require('../common');
var assert = require('assert');
var util = require('util');
var fs = require('fs');
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

var file = common.tmpDir + '/test-repl-save-every-line.js';
send('var ok = 1;');
send('throw new Error("fails");');
send('undefinedName + 1');
send('.help');
send('function unfinished() {');
send('  var inside = 2;');
send('.save ' + file);
assert.strictEqual(fs.readFileSync(file, 'utf8'),
                   'var ok = 1;\n' +
                   'throw new Error("fails");\n' +
                   'undefinedName + 1\n' +
                   'function unfinished() {\n' +
                   '  var inside = 2;\n');
fs.unlinkSync(file);
