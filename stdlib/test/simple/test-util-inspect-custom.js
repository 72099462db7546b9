// An object's own inspect() method decides how it is shown, except for prototype objects and
// the util module itself.
var common = require('../common');
var assert = require('assert');
var util = require('util');

var custom = {
  inspect: function(depth) {
    assert.strictEqual(depth, 2);
    return 'CUSTOM';
  }
};
assert.strictEqual(util.inspect(custom), 'CUSTOM');
assert.strictEqual(util.inspect({ wrap: { inspect: function() { return 'inner'; } } }),
                   '{ wrap: inner }');

// The depth left is passed in.
var depths = [];
var probe = {
  inspect: function(depth) {
    depths.push(depth);
    return 'p';
  }
};
util.inspect({ a: { b: probe } });
util.inspect(probe, false, 5);
assert.deepEqual(depths, [0, 5]);

// A non-string result is itself inspected.
assert.strictEqual(util.inspect({ inspect: function() { return { x: 1 }; } }), '{ x: 1 }');

// A prototype object that defines inspect() for its instances is shown normally.
function Thing() {}
Thing.prototype.inspect = function() {
  return '<Thing>';
};
assert.strictEqual(util.inspect(new Thing()), '<Thing>');
assert.strictEqual(util.inspect(Thing.prototype), '{ inspect: [Function] }');

// util itself has an inspect property, which is not treated as a custom inspector.
assert.ok(/^\{ /.test(util.inspect(util)));
assert.ok(util.inspect(util).indexOf('inspect: [Function') !== -1);

// The options form can turn custom inspection off.
assert.strictEqual(util.inspect({ inspect: 1 }), '{ inspect: 1 }');
assert.strictEqual(util.inspect(custom, { customInspect: false }),
                   '{ inspect: [Function: inspect] }');
