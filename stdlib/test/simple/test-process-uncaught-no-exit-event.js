// An exception nothing catches ends the process with 1 without emitting process 'exit', as
// v0.6.3 did (its FatalException called exit(1) after the report); an 'uncaughtException'
// listener that throws ends it the same way. A program's own process.exit() and a clean end
// still emit 'exit'. tmp 0.0.16's tests rely on the first: its temporary directory outlives a
// crash unless graceful cleanup was asked for.
var common = require('../common');
var assert = require('assert');
var spawn = require('child_process').spawn;

var cases = [
  // [script, expected code, expected stdout, what stderr must hold]
  ['process.on("exit", function() { console.log("exit emitted"); });' +
   'throw new Error("from main");', 1, '', /Error: from main/],
  ['process.on("exit", function() { console.log("exit emitted"); });' +
   'setTimeout(function() { throw new Error("from timer"); }, 1);', 1, '', /Error: from timer/],
  ['process.on("exit", function() { console.log("exit emitted"); });' +
   'process.on("uncaughtException", function() { throw new Error("from listener"); });' +
   'throw new Error("first");', 1, '', /Error: from listener/],
  ['process.on("exit", function(code) { console.log("exit emitted " + code); });' +
   'process.exit(3);', 3, 'exit emitted 3\n', /^$/],
  ['process.on("exit", function(code) { console.log("exit emitted " + code); });',
   0, 'exit emitted 0\n', /^$/]
];

function run(i) {
  if (i === cases.length) return;
  var c = cases[i];
  var child = spawn(process.execPath, ['-e', c[0]]);
  var out = '';
  var err = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', function(d) { out += d; });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', function(d) { err += d; });
  child.on('exit', common.mustCall(function(code) {
    assert.strictEqual(code, c[1], 'case ' + i + ': ' + err);
    assert.strictEqual(out, c[2], 'case ' + i);
    assert.ok(c[3].test(err), 'case ' + i + ': ' + err);
    run(i + 1);
  }));
}
run(0);
