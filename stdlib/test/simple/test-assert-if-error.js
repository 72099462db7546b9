// ifError() throws its argument when it is truthy and does nothing otherwise.
var common = require('../common');
var assert = require('assert');

assert.ifError(null);
assert.ifError(undefined);
assert.ifError(false);
assert.ifError(0);
assert.ifError('');

var err = new Error('callback failed');
var caught = null;
try {
  assert.ifError(err);
} catch (e) {
  caught = e;
}
assert.strictEqual(caught, err);

caught = null;
try {
  assert.ifError('a string error');
} catch (e) {
  caught = e;
}
assert.strictEqual(caught, 'a string error');
