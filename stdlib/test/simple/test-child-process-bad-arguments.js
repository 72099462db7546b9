// Bad arguments throw TypeError (never crash), in the module and in the binding itself.
require('../common');
var assert = require('assert');
var cp = require('child_process');

[undefined, null, 1, {}, ''].forEach(function(command) {
  assert.throws(function() { cp.spawn(command); }, TypeError);
});
assert.throws(function() { cp.spawn('echo', 'notarray', {}); }, TypeError);
assert.throws(function() { cp.spawn('echo', [], 'opts'); }, TypeError);
assert.throws(function() { cp.spawn('echo', [], { cwd: 5 }); }, TypeError);
assert.throws(function() { cp.spawn('echo\u0000x'); }, TypeError);
assert.throws(function() { cp.spawn('echo', ['a\u0000b']); }, TypeError);
assert.throws(function() { cp.spawn('echo', [], { cwd: '/\u0000' }); }, TypeError);
assert.throws(function() { cp.spawn('echo', [], { env: { A: 'x\u0000y' } }); }, TypeError);
assert.throws(function() { cp.exec(5, function() {}); }, TypeError);
assert.throws(function() { cp.exec('true', { timeout: 'x' }, function() {}); }, TypeError);
assert.throws(function() { cp.exec('true', { killSignal: 'SIGBOGUS' }, function() {}); },
              /Unknown signal/);

var Process = process.binding('process_wrap').Process;
var Pipe = process.binding('pipe_wrap').Pipe;
assert.throws(function() { Process(); }, TypeError);
var p = new Process();
p.close();  // never spawned: nothing to close
p.ref();
p.unref();
assert.throws(function() { p.kill(15); }, TypeError);
[undefined, null, 1, 'x', {}, { file: 1 }, { file: '' }, { file: 'a\u0000' },
 { file: 'echo', args: 'x' }, { file: 'echo', args: [{}] }, { file: 'echo', envPairs: [1] },
 { file: 'echo', cwd: 1 }, { file: 'echo', stdio: 'x' }, { file: 'echo', stdio: [1] },
 { file: 'echo', stdio: [{ type: 'bogus' }] }, { file: 'echo', stdio: [{ type: 'pipe' }] },
 { file: 'echo', stdio: [{ type: 'pipe', handle: {} }] },
 { file: 'echo', stdio: [{ type: 'fd', fd: -1 }] },
 { file: 'echo', stdio: [{ type: 'fd', fd: 'x' }] }].forEach(function(options) {
  assert.throws(function() { new Process().spawn(options); }, TypeError);
});
var pipe = new Pipe();
assert.throws(function() {
  new Process().spawn({ file: 'echo', stdio: [{ type: 'pipe', handle: pipe },
                                              { type: 'pipe', handle: pipe }] });
}, TypeError);
pipe.close();
assert.throws(function() {
  new Process().spawn({ file: 'echo', stdio: [{ type: 'pipe', handle: pipe }] });
}, TypeError);
assert.throws(function() { Process.prototype.spawn.call({}, { file: 'echo' }); }, TypeError);
assert.throws(function() {
  new Process().spawn({ get file() { throw new Error('getter'); } });
}, /getter/);
