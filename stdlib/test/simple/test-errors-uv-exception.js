// _errors.js's uvException makes, in JS, exactly the Error that C++'s UVException makes
// (runtime/core/errors.cc): the same message, the same own properties in the same order.
// Compared on errors fs makes in C++, with and without a path.
require('../common');
var assert = require('assert');
var fs = require('fs');
var uvException = require('_errors').uvException;

function own(e) {
  var out = {};
  Object.keys(e).forEach(function(k) { out[k] = e[k]; });
  return { message: e.message, keys: Object.keys(e), values: out };
}

function thrown(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('did not throw');
}

var missing = '/nonexistent-nodus-dir/file';
var made = thrown(function() { fs.openSync(missing, 'r'); });
assert.deepEqual(own(uvException(made.errno, 'open', missing)), own(made));

made = thrown(function() { fs.fstatSync(99999); });
assert.strictEqual(made.code, 'EBADF');
assert.deepEqual(own(uvException(made.errno, made.syscall)), own(made));
assert.strictEqual(uvException(made.errno, 'fstat').message, 'EBADF, bad file descriptor');

// A code libuv does not name is worded as C++ words it.
assert.strictEqual(uvException(-100000, 'read').message,
                   'Unknown system error -100000, Unknown system error -100000');
