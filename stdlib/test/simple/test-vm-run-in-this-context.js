// vm.runInThisContext runs code in the main context, with access to globals but not to the
// caller's local scope; it returns the value of the last expression.
var common = require('../common');
var assert = require('assert');
var vm = require('vm');

var localVar = 123;
assert.strictEqual(vm.runInThisContext('localVar = 1;', 'myfile.vm'), 1);
assert.strictEqual(localVar, 123);
assert.strictEqual(global.localVar, 1);
delete global.localVar;

assert.strictEqual(vm.runInThisContext('1 + 2'), 3);
assert.strictEqual(vm.runInThisContext(''), undefined);
assert.strictEqual(vm.runInThisContext('this'), global);
assert.strictEqual(vm.runInThisContext('typeof require'), 'undefined');
assert.strictEqual(vm.runInThisContext('process'), process);

// Objects made by the code belong to this realm.
assert.ok(vm.runInThisContext('[1, 2]') instanceof Array);
assert.ok(vm.runInThisContext('new Error("x")') instanceof Error);

// var and function declarations become globals.
vm.runInThisContext('var vmDeclared = 5; function vmFunction() { return vmDeclared * 2; }');
assert.strictEqual(global.vmDeclared, 5);
assert.strictEqual(vmFunction(), 10);

// The script is not in strict mode unless it says so.
assert.strictEqual(vm.runInThisContext('(function() { return this; })()'), global);
assert.strictEqual(vm.runInThisContext('"use strict"; (function() { return this; })()'),
                   undefined);

// Errors pass through with their type, and the stack names the file.
try {
  vm.runInThisContext('\n\nnull.x', 'some-file.vm');
  assert.fail('expected a TypeError');
} catch (e) {
  assert.ok(e instanceof TypeError);
  assert.ok(/some-file\.vm:3:/.test(e.stack), e.stack);
}
try {
  vm.runInThisContext('throw new Error("no name")');
  assert.fail('expected an Error');
} catch (e) {
  assert.strictEqual(e.message, 'no name');
  assert.ok(/evalmachine\.<anonymous>:1:/.test(e.stack), e.stack);
}
// Anything can be thrown.
assert.throws(function() { vm.runInThisContext('throw 42'); }, function(e) { return e === 42; });
