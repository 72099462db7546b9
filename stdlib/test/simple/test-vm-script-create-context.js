var common = require('../common');
var assert = require('assert');
var vm = require('vm');

// vm.Script.prototype.createContext, as v0.6.3's NodeScript had it: a new context seeded from
// the sandbox, usable with runInContext.
var script = vm.createScript('x = y * 2; typeof process');
assert.equal(typeof script.createContext, 'function');
var context = script.createContext({ y: 21 });
assert.equal(context.y, 21);
assert.equal(script.runInContext(context), 'undefined');
assert.equal(context.x, 42);
var empty = vm.Script.prototype.createContext();
assert.equal(vm.runInContext('typeof y', empty), 'undefined');
assert.throws(function() { script.createContext(5); }, TypeError);
var NodeScript = process.binding('evals').NodeScript;
assert.equal(typeof NodeScript.prototype.createContext, 'function');
