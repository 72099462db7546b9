// Native code builds its results (arrays of names, stats, cpu times, addresses, memory figures)
// as data properties: setters a program put on Array.prototype or Object.prototype are never
// called, so they can neither change a result nor abort the process (they aborted it through
// V8's Maybe::Check when native code assigned with Set).
require('../common');
var assert = require('assert');
var fs = require('fs');
var os = require('os');
var dns = require('dns');

var hits = 0;  // a counter: pushing to an array would meet the setters itself
var indexKeys = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13];
var namedKeys = ['rss', 'model', 'speed', 'times', 'address', 'family', 'port', 'errno'];
function install() {
  function hostile(target, key) {
    Object.defineProperty(target, key, {
      set: function() { hits++; throw new Error('hostile setter ' + key); },
      configurable: true
    });
  }
  indexKeys.forEach(function(i) { hostile(Array.prototype, i); });
  namedKeys.forEach(function(k) { hostile(Object.prototype, k); });
}
function restore() {
  indexKeys.forEach(function(i) { delete Array.prototype[i]; });
  namedKeys.forEach(function(k) { delete Object.prototype[k]; });
}

process.memoryUsage();  // loaded before the setters: the stdlib's own JS is not under test
install();
var names = fs.readdirSync(__dirname);
var st = fs.statSync(__filename);
var rss = process.memoryUsage().rss;
var cpus = os.cpus();
var load = os.loadavg();
os.networkInterfaces();
restore();
assert.ok(names.length > 2 && names.indexOf('test-hostile-prototype-setters.js') !== -1);
assert.ok(st.isFile() && st.size > 0);
assert.strictEqual(typeof rss, 'number');
assert.ok(cpus.length > 0 && typeof cpus[0].times.user === 'number');
assert.strictEqual(load.length, 3);

// Asynchronous results are built natively when the request completes: the setters go in after
// the call has started (its JS wrapper is not under test) and come out in the callback.
var done = 0;
fs.readdir(__dirname, function(err, list) {
  restore();
  assert.ifError(err);
  assert.ok(list.length > 2);
  fs.stat(__filename, function(err, st) {
    restore();
    assert.ifError(err);
    assert.ok(st.isFile());
    dns.lookup('127.0.0.1', function(err, address, family) {
      restore();
      assert.ifError(err);
      assert.strictEqual(address, '127.0.0.1');
      assert.strictEqual(family, 4);
      done++;
    });
    install();
  });
  install();
});
install();
process.on('exit', function() {
  restore();
  assert.strictEqual(done, 1);
  assert.strictEqual(hits, 0);
});
