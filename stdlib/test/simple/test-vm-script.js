// vm.createScript / vm.Script: compiled once, not bound to any context, run many times.
var common = require('../common');
var assert = require('assert');
var vm = require('vm');

globalVar = 0;
var script = vm.createScript('globalVar += 1', 'myfile.vm');
assert.ok(script instanceof vm.Script);
for (var i = 0; i < 1000; i += 1) script.runInThisContext();
assert.strictEqual(globalVar, 1000);
delete global.globalVar;

// The same script in new contexts, one sandbox: the doc's example.
var sandbox = { animal: 'cat', count: 2 };
var counter = vm.createScript('count += 1; name = "kitty"', 'myfile.vm');
for (i = 0; i < 10; i += 1) counter.runInNewContext(sandbox);
assert.deepEqual(sandbox, { animal: 'cat', count: 12, name: 'kitty' });

// One script, many kinds of runs.
var which = vm.createScript('typeof process');
assert.strictEqual(which.runInThisContext(), 'object');
assert.strictEqual(which.runInNewContext(), 'undefined');
assert.strictEqual(which.runInNewContext({ process: 1 }), 'number');
assert.strictEqual(which.runInContext(vm.createContext({ process: 'p' })), 'string');

// Script works without `new`, and has no enumerable own properties.
var bare = vm.Script('6 * 7');
assert.ok(bare instanceof vm.Script);
assert.strictEqual(bare.runInThisContext(), 42);
assert.deepEqual(Object.keys(bare), []);
assert.strictEqual(new vm.Script('"f"', 'f.vm').runInNewContext(), 'f');

// The methods refuse objects that are not scripts.
assert.throws(function() { vm.Script.prototype.runInThisContext.call({}); }, TypeError);
assert.throws(function() { vm.Script.prototype.runInNewContext.call(null); }, TypeError);
assert.throws(function() { script.runInThisContext.call(Object.create(vm.Script.prototype)); },
              TypeError);

// Many scripts can be made and dropped.
for (i = 0; i < 2000; i++) vm.createScript('' + i).runInThisContext();
