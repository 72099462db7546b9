// Setters a script puts on Error.prototype for errno, code, syscall and path neither run nor
// crash the process when the runtime makes a system error, in C++ (fs, process) or in JS (net):
// the errors still come, with the properties as their own.
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var net = require('net');

var ran = 0;
['errno', 'code', 'syscall', 'path'].forEach(function(name) {
  Object.defineProperty(Error.prototype, name, {
    set: function() { ran++; throw new Error('setter ran'); },
    configurable: true
  });
});

var missing = '/nonexistent-nodus-dir/file';
function isEnoent(syscall) {
  return function(e) {
    assert.ok(e.hasOwnProperty('code') && e.code === 'ENOENT', 'code');
    assert.ok(e.hasOwnProperty('syscall') && e.syscall === syscall, 'syscall');
    assert.ok(e.hasOwnProperty('path') && e.path === missing, 'path');
    assert.ok(e.hasOwnProperty('errno') && typeof e.errno === 'number', 'errno');
    return true;
  };
}
assert.throws(function() { fs.openSync(missing, 'r'); }, isEnoent('open'));
assert.throws(function() { process.chdir(missing); }, isEnoent('uv_chdir'));
fs.stat(missing, common.mustCall(function(e) {
  isEnoent('stat')(e);
  assert.strictEqual(ran, 0);
}));
net.connect(missing).on('error', common.mustCall(function(e) {
  assert.ok(e.hasOwnProperty('code') && e.code === 'ENOENT', 'code');
  assert.ok(e.hasOwnProperty('errno') && e.errno === 'ENOENT', 'errno');
  assert.ok(e.hasOwnProperty('syscall') && e.syscall === 'connect', 'syscall');
  assert.ok(!e.hasOwnProperty('path'), 'path');
  assert.strictEqual(ran, 0);
}));
