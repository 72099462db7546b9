// More than 10 listeners for one event prints a leak warning, once per event; setMaxListeners
// changes the limit, and 0 removes it.
var common = require('../common');
var assert = require('assert');
var util = require('util');
var EventEmitter = require('events').EventEmitter;

var warnings = [];
var traces = 0;
var origError = console.error;
var origTrace = console.trace;
console.error = function() {
  warnings.push(util.format.apply(util, arguments));
};
console.trace = function() {
  traces++;
};

function noop() {}

try {
  var e = new EventEmitter();
  for (var i = 0; i < 10; i++) e.on('default', noop);
  assert.strictEqual(warnings.length, 0);
  e.on('default', noop);
  assert.strictEqual(warnings.length, 1);
  assert.strictEqual(warnings[0], '(node) warning: possible EventEmitter memory leak ' +
                     'detected. 11 listeners added. Use emitter.setMaxListeners() to ' +
                     'increase limit.');
  assert.strictEqual(traces, 1);

  // Only once per event...
  e.on('default', noop);
  assert.strictEqual(warnings.length, 1);

  // ...but every event gets its own warning.
  for (i = 0; i < 11; i++) e.on('other', noop);
  assert.strictEqual(warnings.length, 2);

  // A higher limit.
  var e2 = new EventEmitter();
  e2.setMaxListeners(20);
  for (i = 0; i < 20; i++) e2.on('x', noop);
  assert.strictEqual(warnings.length, 2);
  e2.on('x', noop);
  assert.strictEqual(warnings.length, 3);
  assert.ok(/21 listeners added/.test(warnings[2]));

  // Zero means unlimited.
  var e3 = new EventEmitter();
  e3.setMaxListeners(0);
  for (i = 0; i < 100; i++) e3.on('x', noop);
  assert.strictEqual(warnings.length, 3);

  // A low limit.
  var e4 = new EventEmitter();
  e4.setMaxListeners(1);
  e4.on('x', noop);
  assert.strictEqual(warnings.length, 3);
  e4.on('x', noop);
  assert.strictEqual(warnings.length, 4);
  assert.ok(/2 listeners added/.test(warnings[3]));

  // The limit survives removeAllListeners().
  var e5 = new EventEmitter();
  e5.setMaxListeners(0);
  e5.removeAllListeners();
  for (i = 0; i < 20; i++) e5.on('x', noop);
  assert.strictEqual(warnings.length, 4);
} finally {
  console.error = origError;
  console.trace = origTrace;
}
