// Wrong argument types throw TypeError; nothing crashes the process.
var common = require('../common');
var assert = require('assert');
var vm = require('vm');

var notStrings = [undefined, null, 0, 1.5, NaN, true, {}, [], function() {},
                  { toString: function() { return '1'; } }];
if (typeof Symbol === 'function') notStrings.push(Symbol('s'));

// Code that is not a string is converted with String(), as in v0.6.3; what it converts to may
// be a syntax error (a Symbol becomes 'Symbol(s)', which may fail when it runs).
function runsOrSyntaxError(fn, value) {
  try {
    fn();
  } catch (e) {
    if (typeof value === 'symbol') return;
    assert.equal(e.name, 'SyntaxError', String(e));
  }
}
notStrings.forEach(function(value) {
  runsOrSyntaxError(function() { vm.runInThisContext(value); }, value);
  runsOrSyntaxError(function() { vm.runInNewContext(value); }, value);
  runsOrSyntaxError(function() { vm.runInContext(value, vm.createContext()); }, value);
  runsOrSyntaxError(function() { vm.createScript(value); }, value);
  runsOrSyntaxError(function() { new vm.Script(value); }, value);
  if (value !== undefined) {
    assert.throws(function() { vm.runInThisContext('1', value); }, TypeError);
    assert.throws(function() { vm.runInNewContext('1', {}, value); }, TypeError);
    assert.throws(function() { vm.createScript('1', value); }, TypeError);
  }
});

// Sandboxes must be objects (undefined and null mean an empty one).
[0, 'str', true, NaN].forEach(function(value) {
  assert.throws(function() { vm.runInNewContext('1', value); }, TypeError);
  assert.throws(function() { vm.createScript('1').runInNewContext(value); }, TypeError);
  assert.throws(function() { vm.createContext(value); }, TypeError);
});
// A function or array may be a sandbox.
var fnBox = function() {};
vm.runInNewContext('extra = 1', fnBox);
assert.strictEqual(fnBox.extra, 1);

// Contexts must come from createContext.
var contexts = [undefined, null, 0, 'ctx', {}, [], vm.createScript('1'), global,
                vm.runInNewContext('this')];
contexts.forEach(function(value) {
  assert.throws(function() { vm.runInContext('1', value); }, TypeError);
  assert.throws(function() { vm.createScript('1').runInContext(value); }, TypeError);
});

// A frozen sandbox's properties stay read-only inside, and nothing is copied back to it.
var frozen = Object.freeze({ a: 1 });
assert.strictEqual(vm.runInNewContext('a = 2; b = 3; a', frozen), 1);
assert.deepEqual(frozen, { a: 1 });
var undefinedKey = { 'undefined': 5, NaN: 1 };
assert.strictEqual(vm.runInNewContext('typeof undefined', undefinedKey), 'undefined');
var throwingGetter = {};
Object.defineProperty(throwingGetter, 'boom', {
  get: function() { throw new Error('getter'); }, enumerable: true, configurable: true
});
assert.throws(function() { vm.runInNewContext('boom', throwingGetter); }, /getter/);
assert.strictEqual(vm.runInNewContext('1', throwingGetter), 1);

// The binding itself rejects junk.
var binding = process.binding('contextify');
assert.throws(function() { binding.ContextifyScript('1', 'f'); }, TypeError);
assert.throws(function() { new binding.ContextifyScript(1, 'f'); }, TypeError);
assert.throws(function() { new binding.ContextifyScript('1', 1); }, TypeError);
var native = new binding.ContextifyScript('this', 'f');
assert.strictEqual(native.runInContext(undefined), global);
[null, 0, {}, global, vm.createContext()].forEach(function(value) {
  assert.throws(function() { native.runInContext(value); }, TypeError);
});
assert.throws(function() { native.runInContext.call({}, undefined); }, TypeError);
assert.throws(function() {
  native.runInContext.call(Object.create(binding.ContextifyScript.prototype), undefined);
}, TypeError);
var madeGlobal = binding.makeContext();
assert.strictEqual(native.runInContext(madeGlobal), madeGlobal);
assert.throws(function() { new binding.makeContext(); }, TypeError);
