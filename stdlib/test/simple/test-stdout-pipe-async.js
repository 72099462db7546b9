// process.stdout on a pipe is non-blocking (v0.6's process docs): a write the pipe cannot take
// returns false and 'drain' follows; nothing written before process.exit() is lost; a reader
// that goes away gives an EPIPE 'error' (not a SIGPIPE death).
var common = require('../common');
var assert = require('assert');
var spawn = require('child_process').spawn;

var pending = 3;
function done() { if (--pending === 0) process.exit(0); }

// 1. 4 MB written in one go (more than a pipe holds), the parent not reading for a while:
// write() says false, 'drain' comes once it is all out, and every byte arrives.
(function() {
  var child = spawn(process.execPath, ['-e',
    "var ok = process.stdout.write(new Array(4 * 1024 * 1024 + 1).join('y'));" +
    "process.stdout.on('drain', function() { process.stderr.write('drain ' + ok); });" +
    "process.stderr.write('ctor ' + process.stdout.constructor.name + '\\n');"]);
  var got = 0;
  var err = '';
  child.stdout.pause();
  setTimeout(function() { child.stdout.resume(); }, 200);
  child.stdout.on('data', function(d) {
    for (var i = 0; i < d.length; i++) if (d[i] !== 0x79) assert.fail('bad byte');
    got += d.length;
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', function(s) { err += s; });
  // The checks wait for the child's exit and the end of both of its outputs (in any order).
  var waits = 3;
  function check() {
    if (--waits > 0) return;
    assert.strictEqual(got, 4 * 1024 * 1024);
    assert.ok(/ctor PipeWriteStream/.test(err), err);
    assert.ok(/drain false/.test(err), 'write returned false, then drain: ' + err);
    done();
  }
  child.stdout.on('end', check);
  child.stderr.on('end', check);
  child.on('exit', common.mustCall(function(code) {
    assert.strictEqual(code, 0);
    check();
  }));
})();

// 2. Many lines, then process.exit() at once: all of them arrive.
(function() {
  var child = spawn(process.execPath, ['-e',
    "for (var i = 0; i < 100000; i++) console.log('line ' + i); process.exit(3);"]);
  var text = '';
  child.stdout.setEncoding('utf8');
  child.stdout.pause();
  setTimeout(function() { child.stdout.resume(); }, 200);
  child.stdout.on('data', function(s) { text += s; });
  var waits = 2;
  function check() {
    if (--waits > 0) return;
    var lines = text.split('\n');
    assert.strictEqual(lines.length, 100001);
    assert.strictEqual(lines[99999], 'line 99999');
    done();
  }
  child.stdout.on('end', check);
  child.on('exit', common.mustCall(function(code) {
    assert.strictEqual(code, 3);
    check();
  }));
})();

// 3. The reader closes: the writer gets an EPIPE 'error' it can handle.
(function() {
  var child = spawn(process.execPath, ['-e',
    "process.stdout.on('error', function(e) { process.stderr.write('error ' + e.code); process.exit(5); });" +
    "setInterval(function() { process.stdout.write(new Array(65536).join('z')); }, 5);"]);
  var err = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', function(s) { err += s; });
  child.stdout.destroy();
  child.on('exit', common.mustCall(function(code, signal) {
    assert.strictEqual(signal, null, 'not killed by SIGPIPE');
    assert.strictEqual(code, 5);
    assert.ok(/error EPIPE/.test(err), err);
    done();
  }));
})();
