var common = require('../common');
var assert = require('assert');
var util = require('util');
var vm = require('vm');

// util.isError is true only for what Object.prototype.toString calls [object Error].
assert.strictEqual(util.isError(new Error()), true);
assert.strictEqual(util.isError(new TypeError()), true);
assert.strictEqual(util.isError(vm.runInNewContext('new Error()')), true);
function MyError() {}
MyError.prototype = Object.create(Error.prototype);
assert.strictEqual(util.isError(new MyError()), false);
assert.strictEqual(util.isError(Object.create(Error.prototype)), false);
assert.strictEqual(util.isError({ name: 'Error', message: 'x' }), false);
assert.strictEqual(util.isError(null), false);
assert.strictEqual(util.isError('Error'), false);
