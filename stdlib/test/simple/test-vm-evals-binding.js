// v0.6's process.binding('evals').NodeScript, which old code (nodeunit) uses directly: it is
// vm.Script, with the one-shot forms as static methods as in v0.6.
var common = require('../common');
var assert = require('assert');
var vm = require('vm');

var evals = process.binding('evals');
assert.strictEqual(evals.NodeScript, vm.Script);
assert.strictEqual(process.binding('evals'), evals, 'the binding is cached');

var sandbox = { a: 2 };
var script = new evals.NodeScript('b = a * 21;');
script.runInNewContext(sandbox);
assert.strictEqual(sandbox.b, 42);

assert.strictEqual(evals.NodeScript.runInThisContext('1 + 2', 'x.js'), 3);
var s2 = { n: 5 };
assert.strictEqual(evals.NodeScript.runInNewContext('n * 2', s2, 'y.js'), 10);
// An error from the new context keeps its type (it is that context's TypeError).
assert.throws(function() { evals.NodeScript.runInNewContext('throw new TypeError("t")', {}); },
              function(e) { return e.name === 'TypeError' && e.message === 't'; });
// Other bindings still come from the runtime.
assert.strictEqual(typeof process.binding('buffer').SlowBuffer, 'function');
assert.throws(function() { process.binding('no_such_binding'); }, /No such module/);
