// vm.runInNewContext: the sandbox's properties are copied onto a fresh context's global before
// the run and the global's properties are copied back afterwards.
var common = require('../common');
var assert = require('assert');
var vm = require('vm');

var sandbox = { animal: 'cat', count: 2 };
var result = vm.runInNewContext('count += 1; name = "kitty"; count', sandbox, 'myfile.vm');
assert.strictEqual(result, 3);
assert.deepEqual(sandbox, { animal: 'cat', count: 3, name: 'kitty' });
assert.deepEqual(Object.keys(sandbox), ['animal', 'count', 'name']);

// Declarations show up in the sandbox; functions keep working there.
var box = { n: 1 };
vm.runInNewContext('var doubled = n * 2; function get() { return n; }', box);
assert.strictEqual(box.doubled, 2);
assert.strictEqual(typeof box.get, 'function');
assert.strictEqual(box.get(), 1);

// The built-ins of the new context are not copied back, and nothing leaks into this context.
var empty = {};
vm.runInNewContext('leaked = 1; Object.prototype.polluted = true', empty);
assert.deepEqual(Object.getOwnPropertyNames(empty), ['leaked']);
assert.strictEqual(typeof global.leaked, 'undefined');
assert.strictEqual({}.polluted, undefined);
// ... unless the code replaced one.
var replaced = {};
vm.runInNewContext('parseInt = function() { return 7; }', replaced);
assert.strictEqual(replaced.parseInt(), 7);
assert.strictEqual(parseInt('3'), 3);

// The new context has its own globals: none of this context's.
var fresh = {};
assert.strictEqual(vm.runInNewContext('typeof require', fresh), 'undefined');
assert.strictEqual(vm.runInNewContext('typeof process'), 'undefined');
assert.strictEqual(vm.runInNewContext('typeof console'), 'undefined');
assert.strictEqual(vm.runInNewContext('typeof Object'), 'function');
assert.notStrictEqual(vm.runInNewContext('Object'), Object);
// Objects cross over as they are; the realms differ (Array.isArray works, instanceof does not).
var arr = vm.runInNewContext('[1, 2, 3]');
assert.ok(Array.isArray(arr));
assert.ok(!(arr instanceof Array));
assert.deepEqual(arr, [1, 2, 3]);

// Values from the sandbox are the caller's own objects, usable from inside.
var log = [];
var shared = { push: function(x) { log.push(x); }, data: { a: 1 } };
vm.runInNewContext('push(data.a); data.b = 2', shared);
assert.deepEqual(log, [1]);
assert.deepEqual(shared.data, { a: 1, b: 2 });

// The global object is the sandbox as far as the caller can see.
var selfish = { me: null };
vm.runInNewContext('me = this; also = this', selfish);
assert.strictEqual(selfish.me, selfish);
assert.strictEqual(selfish.also, selfish);
var selfRef = {};
selfRef.self = selfRef;
assert.strictEqual(vm.runInNewContext('self === this', selfRef), true);

// No sandbox (or null) is an empty one; each call gets a fresh context.
assert.strictEqual(vm.runInNewContext('1 + 1'), 2);
assert.strictEqual(vm.runInNewContext('typeof x', null), 'undefined');
vm.runInNewContext('x = 1', {});
assert.strictEqual(vm.runInNewContext('typeof x', {}), 'undefined');

// Getters and setters on the sandbox are copied as accessors.
var reads = 0;
var accessors = {};
Object.defineProperty(accessors, 'value', {
  get: function() { reads++; return 10; }, enumerable: true, configurable: true
});
assert.strictEqual(vm.runInNewContext('value + value', accessors), 20);
assert.strictEqual(reads, 2);

// The copy back happens even when the code throws.
var partial = {};
assert.throws(function() { vm.runInNewContext('before = 1; throw new Error("x")', partial); });
assert.strictEqual(partial.before, 1);

// Promises made in the new context resolve on this process's queue.
var promised = vm.runInNewContext('Promise.resolve(5)');
promised.then(common.mustCall(function(v) { assert.strictEqual(v, 5); }));
