var common = require('../common');
var assert = require('assert');
var vm = require('vm');

// vm.Script and process.binding('evals') take code that is not a string (a Buffer) and
// convert it with String(), as v0.6.3 did.
var code = new Buffer('6 * 7');
assert.equal(new vm.Script(code).runInThisContext(), 42);
assert.equal(vm.createScript(code).runInNewContext({}), 42);
assert.equal(vm.runInThisContext(code), 42);
assert.equal(vm.runInNewContext(new Buffer('a + 1'), { a: 2 }), 3);
assert.equal(vm.runInContext(code, vm.createContext()), 42);
assert.equal(vm.runInThisContext({ toString: function() { return '"converted"'; } }),
             'converted');
assert.strictEqual(vm.runInThisContext(undefined), undefined);  // the code 'undefined'
assert.equal(vm.runInThisContext(12), 12);

var NodeScript = process.binding('evals').NodeScript;
assert.equal(new NodeScript(new Buffer('1 + 1')).runInThisContext(), 2);
assert.equal(NodeScript.runInNewContext(new Buffer('x * 2'), { x: 4 }), 8);

// Whatever String() gives is compiled: a Symbol becomes the code 'Symbol(s)'.
assert.throws(function() { vm.runInThisContext(Symbol('s')); }, ReferenceError);
// A value whose conversion throws passes that error on.
assert.throws(function() {
  new vm.Script({ toString: function() { throw new Error('no string'); } });
}, /no string/);
