// The os functions take no arguments: junk arguments and receivers are ignored, and the native
// binding survives being called with anything.
var common = require('../common');
var assert = require('assert');
var os = require('os');

var junk = [undefined, null, 0, -1, NaN, '', 'x', {}, [], function() {}, true,
            { toString: function() { throw new Error('toString'); } }];
var names = ['hostname', 'type', 'platform', 'arch', 'release', 'uptime', 'loadavg', 'totalmem',
             'freemem', 'cpus', 'networkInterfaces'];
names.forEach(function(name) {
  var expectedType = typeof os[name]();
  junk.forEach(function(value) {
    assert.strictEqual(typeof os[name].call(value, value, value), expectedType, name);
  });
});

var binding = process.binding('os');
Object.keys(binding).forEach(function(name) {
  junk.forEach(function(value) {
    binding[name].call(value, value);
  });
  // Native functions are not constructors.
  assert.throws(function() { new binding[name](); }, TypeError);
});
