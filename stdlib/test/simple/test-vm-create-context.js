// vm.createContext makes a context that keeps its V8 context: runInContext calls share state.
var common = require('../common');
var assert = require('assert');
var util = require('util');
var vm = require('vm');

var initSandbox = { animal: 'cat', count: 2 };
var context = vm.createContext(initSandbox);
// A shallow copy: the context is a different object, and changes do not reach initSandbox.
assert.notStrictEqual(context, initSandbox);
assert.deepEqual(context, { animal: 'cat', count: 2 });

vm.runInContext('count += 1; name = "CATT"', context, 'myfile.vm');
assert.strictEqual(util.inspect(context), "{ animal: 'cat', count: 3, name: 'CATT' }");
assert.deepEqual(initSandbox, { animal: 'cat', count: 2 });

// State survives between runs, including closures over the context's globals.
vm.runInContext('var counter = 0; function next() { return ++counter; }', context);
assert.strictEqual(vm.runInContext('next()', context), 1);
assert.strictEqual(vm.runInContext('next()', context), 2);
assert.strictEqual(context.counter, 2);
assert.strictEqual(context.next(), 3);

// Changes made to the context object between runs are seen by the next run.
context.count = 100;
assert.strictEqual(vm.runInContext('count', context), 100);
context.added = 'later';
assert.strictEqual(vm.runInContext('added', context), 'later');

// The context's built-ins persist too (they are its own, not this context's).
vm.runInContext('Array.prototype.extra = 42', context);
assert.strictEqual(vm.runInContext('[].extra', context), 42);
assert.strictEqual([].extra, undefined);

// Two contexts are independent.
var other = vm.createContext();
assert.deepEqual(Object.keys(other), []);
assert.strictEqual(vm.runInContext('typeof next', other), 'undefined');
assert.strictEqual(vm.runInContext('[].extra', other), undefined);

// A Script runs in a context the same way, as often as wanted.
var script = vm.createScript('count += 1', 'count.vm');
var counting = vm.createContext({ count: 0 });
for (var i = 0; i < 5; i++) script.runInContext(counting);
assert.strictEqual(counting.count, 5);

// A self-reference in initSandbox refers to the context.
var selfInit = { x: 1 };
selfInit.self = selfInit;
var selfContext = vm.createContext(selfInit);
assert.strictEqual(selfContext.self, selfContext);
assert.strictEqual(vm.runInContext('self === this', selfContext), true);

// The context's global, stored in a global, is copied back as the context object.
vm.runInContext('me = this', selfContext);
assert.strictEqual(selfContext.me, selfContext);
