var common = require('../common');
var assert = require('assert');
var spawn = require('child_process').spawn;

// Removing the last listener of a signal gives the signal its default action back, as in
// v0.6.3: the child below listens for SIGUSR2, removes the listener, then is killed by SIGUSR2.
function run(body, check) {
  var child = spawn(process.execPath, ['-e', body]);
  var out = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', function(d) { out += d; });
  child.on('exit', common.mustCall(function(code, signal) { check(code, signal, out); }));
}

run('function h() { console.log("heard"); }' +
    'process.on("SIGUSR2", h); process.removeListener("SIGUSR2", h);' +
    'process.kill(process.pid, "SIGUSR2");' +
    'setTimeout(function() { console.log("survived"); }, 500);',
    function(code, signal, out) {
      assert.equal(signal, 'SIGUSR2');
      assert.equal(out, '');
    });

// Through once(): the wrapper removes itself after the first signal.
run('process.once("SIGUSR2", function() {' +
    '  console.log("once");' +
    '  process.kill(process.pid, "SIGUSR2");' +
    '  setTimeout(function() { console.log("survived"); }, 500);' +
    '});' +
    'process.kill(process.pid, "SIGUSR2");' +
    'setTimeout(function() {}, 2000);',
    function(code, signal, out) {
      assert.equal(signal, 'SIGUSR2');
      assert.equal(out, 'once\n');
    });

// removeAllListeners(type) stops the watcher too.
run('process.on("SIGUSR2", function() {}); process.removeAllListeners("SIGUSR2");' +
    'process.kill(process.pid, "SIGUSR2");' +
    'setTimeout(function() { console.log("survived"); }, 500);',
    function(code, signal, out) {
      assert.equal(signal, 'SIGUSR2');
    });

// While someone listens, the signal is heard and the process lives on.
run('process.on("SIGUSR2", function() { console.log("heard"); process.exit(0); });' +
    'process.kill(process.pid, "SIGUSR2"); setTimeout(function() {}, 2000);',
    function(code, signal, out) {
      assert.equal(code, 0);
      assert.equal(out, 'heard\n');
    });
