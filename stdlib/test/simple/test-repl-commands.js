// REPL commands and options: .help, .save and .load, defineCommand, a custom eval in the
// documented two-argument form and in the four-argument form (also answering later),
// useGlobal and ignoreUndefined.
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

function start() {
  var socket = new FakeSocket();
  var args = [].slice.call(arguments);
  args.splice(1, 0, socket);
  var server = repl.start.apply(null, args);
  server.send = function(line) {
    socket.data = '';
    socket.emit('data', line + '\n');
    return socket.data;
  };
  return server;
}

// .help lists every command.
var r = start('> ');
var help = r.send('.help');
['.break', '.clear', '.exit', '.help', '.load', '.save'].forEach(function(name) {
  assert.ok(new RegExp('^\\' + name + '\\t\\S', 'm').test(help), name + ' in ' + help);
});

// .save writes the session's code; .load replays a file into a session.
var file = common.tmpDir + '/test-repl-commands-save.js';
r.send('var a = 40;');
r.send('function inc(v) {');
r.send('  return v + 1;');
r.send('}');
assert.strictEqual(r.send('.save ' + file), 'Session saved to:' + file + '\n> ');
assert.strictEqual(fs.readFileSync(file, 'utf8'),
                   'var a = 40;\nfunction inc(v) {\n  return v + 1;\n}\n');
var r2 = start('> ');
var loaded = r2.send('.load ' + file);
assert.ok(/undefined\n> $/.test(loaded), JSON.stringify(loaded));
assert.strictEqual(r2.send('inc(a) + 1'), '42\n> ');
assert.strictEqual(r2.send('.load ' + common.tmpDir + '/no/such/file'),
                   'Failed to load:' + common.tmpDir + '/no/such/file\n> ');
assert.strictEqual(r2.send('.save ' + common.tmpDir + '/no/such/dir/x.js'),
                   'Failed to save:' + common.tmpDir + '/no/such/dir/x.js\n> ');

// defineCommand: a function, or { help, action }, called on the REPL with the rest of the line.
r2.defineCommand('hello', {
  help: 'Say hello',
  action: function(name) {
    assert.strictEqual(this, r2);
    this.outputStream.write('Hello, ' + name + '!\n');
    this.displayPrompt();
  }
});
assert.strictEqual(r2.send('.hello Ada Lovelace'), 'Hello, Ada Lovelace!\n> ');
assert.ok(/^\.hello\tSay hello$/m.test(r2.send('.help')));
assert.throws(function() { r2.defineCommand('bad', {}); }, TypeError);
assert.throws(function() { r2.defineCommand('', function() {}); }, TypeError);

// The documented custom eval: eval(cmd, callback).
var seen = [];
var r3 = start('$ ', function(cmd, callback) {
  seen.push(cmd);
  callback(null, cmd.trim().split('').reverse().join(''));
});
assert.strictEqual(r3.send('abc'), "'cba'\n$ ");
assert.deepEqual(seen, ['abc\n']);

// An eval that reports an incomplete input gets the next line added; errors are printed.
var r4 = start('% ', function(cmd, context, file, callback) {
  assert.strictEqual(file, 'repl');
  assert.strictEqual(context, r4.context);
  if (!/;\s*$/.test(cmd)) {
    var e = new SyntaxError('Unexpected end of input');
    return callback(e);
  }
  if (/fail/.test(cmd)) return callback(new Error('eval failed'));
  // Answers later; lines arriving meanwhile wait their turn.
  setTimeout(function() { callback(null, cmd.replace(/\s+/g, ' ').trim()); }, 5);
});
assert.strictEqual(r4.send('one'), '... ');
r4.send('two;\nthree;\nfail;');
setTimeout(common.mustCall(function() {
  var out = r4.outputStream.data;
  assert.ok(/^'one two;'\n% 'three;'\n% Error: eval failed\n/.test(out), JSON.stringify(out));
}), 200);

// useGlobal: code runs in the global context; ignoreUndefined: no "undefined" lines.
var r5 = start('g> ', null, true, true);
assert.strictEqual(r5.context, global);
assert.strictEqual(r5.send('var replGlobalVar = 3'), 'g> ');
assert.strictEqual(global.replGlobalVar, 3);
assert.strictEqual(r5.send('replGlobalVar + 1'), '4\ng> ');
assert.strictEqual(global._, 4);
assert.strictEqual(r5.send('void 0'), 'g> ');
assert.strictEqual(r5.send('.clear'), 'g> ', 'the global context is not replaced');

assert.throws(function() { repl.start('> ', new FakeSocket(), 'not a function'); }, TypeError);
