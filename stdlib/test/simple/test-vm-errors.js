// Errors from vm code keep their type and name; the filename shows in stack traces. Errors
// made inside another context are of that context's realm, so `instanceof` against this
// context's constructors does not hold there: the tests check err.name.
var common = require('../common');
var assert = require('assert');
var vm = require('vm');

// Syntax errors are reported by this context's compiler: real SyntaxErrors, for every form.
// (Each is also written to stderr as file:line, the source line and a caret, as in v0.6.)
[
  function() { vm.runInThisContext('var x = ;', 'syntax.vm'); },
  function() { vm.runInNewContext('var x = ;', {}, 'syntax.vm'); },
  function() { vm.runInContext('var x = ;', vm.createContext(), 'syntax.vm'); },
  function() { vm.createScript('var x = ;', 'syntax.vm'); },
  function() { new vm.Script('}', 'syntax.vm'); }
].forEach(function(fn) {
  try {
    fn();
    assert.fail('expected a SyntaxError');
  } catch (e) {
    assert.strictEqual(e.name, 'SyntaxError');
    assert.ok(e instanceof SyntaxError);
  }
});

// Errors thrown while running keep their name and the script's filename and line.
function check(fn, name, pattern) {
  try {
    fn();
  } catch (e) {
    assert.strictEqual(e.name, name);
    assert.ok(pattern.test(e.stack), e.stack);
    return e;
  }
  assert.fail('expected a ' + name);
}
check(function() { vm.runInThisContext('\nundefinedVariable', 'this.vm'); },
      'ReferenceError', /this\.vm:2:1/);
var e = check(function() { vm.runInNewContext('\n\n  undefinedVariable', {}, 'new.vm'); },
              'ReferenceError', /new\.vm:3:3/);
assert.ok(!(e instanceof ReferenceError));  // another realm's ReferenceError
check(function() { vm.runInNewContext('null.x', {}, 'type.vm'); }, 'TypeError', /type\.vm:1:/);
check(function() { vm.runInContext('throw new RangeError("r")', vm.createContext(), 'ctx.vm'); },
      'RangeError', /ctx\.vm:1:7/);
check(function() { vm.createScript('x.y', 'script.vm').runInNewContext({ x: null }); },
      'TypeError', /script\.vm:1:/);
check(function() { vm.runInNewContext('throw new Error("default")'); },
      'Error', /evalmachine\.<anonymous>:1:/);

// An error created by the caller and thrown inside comes back as the same object.
var mine = new Error('mine');
try {
  vm.runInNewContext('throw err', { err: mine });
} catch (caught) {
  assert.strictEqual(caught, mine);
}

// Errors thrown in a context do not break it.
var context = vm.createContext({ n: 0 });
assert.throws(function() { vm.runInContext('n += 1; throw 1', context); });
assert.strictEqual(context.n, 1);
assert.strictEqual(vm.runInContext('n += 1', context), 2);
