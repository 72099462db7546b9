// The assert module: the assertions that the CommonJS Unit Testing 1.0 spec describes, as
// Node v0.6 implemented them. The module itself is the `ok` assertion, so that
// `assert(value, message)` works.

var util = require('util');

var pSlice = Array.prototype.slice;

var assert = module.exports = ok;


// AssertionError is what every failed assertion throws. Its message is the one given to the
// assertion, or else one built from the values compared, e.g. '"a" == "b"'.
assert.AssertionError = function AssertionError(options) {
  options = options || {};
  this.name = 'AssertionError';
  this.actual = options.actual;
  this.expected = options.expected;
  this.operator = options.operator;
  this.message = options.message ? options.message : generatedMessage(this);

  // Set up the stack only now, because V8 builds its first line from name and message.
  var stackStartFunction = options.stackStartFunction || AssertionError;
  if (Error.captureStackTrace) {
    Error.captureStackTrace(this, stackStartFunction);
  }
};

util.inherits(assert.AssertionError, Error);

// JSON cannot spell undefined, NaN, the infinities, functions or regexps, so they are
// written as the strings JavaScript would print for them.
function replacer(key, value) {
  if (value === undefined) {
    return '' + value;
  }
  if (typeof value === 'number' && (isNaN(value) || !isFinite(value))) {
    return value.toString();
  }
  if (typeof value === 'function' || value instanceof RegExp) {
    return value.toString();
  }
  return value;
}

function truncate(s, n) {
  if (typeof s === 'string') {
    return s.length < n ? s : s.slice(0, n);
  }
  return s;
}

function describe(value) {
  var text;
  try {
    text = JSON.stringify(value, replacer);
  } catch (e) {
    // Cycles and BigInts cannot be written as JSON; inspect() copes with both.
    text = util.inspect(value);
  }
  return truncate(text, 128);
}

function generatedMessage(err) {
  return describe(err.actual) + ' ' + err.operator + ' ' + describe(err.expected);
}

assert.AssertionError.prototype.toString = function() {
  return this.name + ': ' + this.message;
};


// Throws an AssertionError. The operator only matters when there is no message: it goes
// between the two values in the generated one.
function fail(actual, expected, message, operator, stackStartFunction) {
  throw new assert.AssertionError({
    message: message,
    actual: actual,
    expected: expected,
    operator: operator,
    stackStartFunction: stackStartFunction || fail
  });
}
assert.fail = fail;


function ok(value, message) {
  if (!value) fail(value, true, message, '==', assert.ok);
}
assert.ok = ok;


assert.equal = function equal(actual, expected, message) {
  if (actual != expected) fail(actual, expected, message, '==', assert.equal);
};

assert.notEqual = function notEqual(actual, expected, message) {
  if (actual == expected) fail(actual, expected, message, '!=', assert.notEqual);
};

assert.deepEqual = function deepEqual(actual, expected, message) {
  if (!_deepEqual(actual, expected)) {
    fail(actual, expected, message, 'deepEqual', assert.deepEqual);
  }
};

assert.notDeepEqual = function notDeepEqual(actual, expected, message) {
  if (_deepEqual(actual, expected)) {
    fail(actual, expected, message, 'notDeepEqual', assert.notDeepEqual);
  }
};

assert.strictEqual = function strictEqual(actual, expected, message) {
  if (actual !== expected) fail(actual, expected, message, '===', assert.strictEqual);
};

assert.notStrictEqual = function notStrictEqual(actual, expected, message) {
  if (actual === expected) fail(actual, expected, message, '!==', assert.notStrictEqual);
};


function isBuffer(x) {
  return typeof Buffer !== 'undefined' && typeof Buffer.isBuffer === 'function' &&
         Buffer.isBuffer(x);
}

function isArguments(object) {
  return Object.prototype.toString.call(object) === '[object Arguments]';
}

function isPrimitive(value) {
  return value === null || (typeof value !== 'object' && typeof value !== 'function');
}

// As in v0.6.3 there is no cycle detection: on cyclic data the recursion overflows the stack
// and that RangeError reaches the caller.
function _deepEqual(actual, expected) {
  if (actual === expected) {
    return true;
  }

  if (isBuffer(actual) && isBuffer(expected)) {
    if (actual.length !== expected.length) return false;
    for (var i = 0; i < actual.length; i++) {
      if (actual[i] !== expected[i]) return false;
    }
    return true;
  }

  if (actual instanceof Date && expected instanceof Date) {
    return actual.getTime() === expected.getTime();
  }

  if (util.isRegExp(actual) && util.isRegExp(expected)) {
    return actual.source === expected.source &&
           actual.global === expected.global &&
           actual.multiline === expected.multiline &&
           actual.lastIndex === expected.lastIndex &&
           actual.ignoreCase === expected.ignoreCase;
  }

  // Values that are not both objects are compared loosely, so 4 and '4' are deep-equal.
  if (typeof actual !== 'object' && typeof expected !== 'object') {
    return actual == expected;
  }

  return objEquiv(actual, expected);
}

function objEquiv(a, b) {
  // A primitive never equals an object here (V8 3 could not take the keys of a primitive,
  // so 'a' and { 0: 'a' } were unequal in v0.6, and still are).
  if (isPrimitive(a) || isPrimitive(b)) return false;

  // Objects must share an identical 'prototype' property.
  if (a.prototype !== b.prototype) return false;

  // An arguments object only equals another arguments object, compared as arrays.
  var aIsArgs = isArguments(a);
  var bIsArgs = isArguments(b);
  if (aIsArgs || bIsArgs) {
    if (!aIsArgs || !bIsArgs) return false;
    return _deepEqual(pSlice.call(a), pSlice.call(b));
  }

  var ka = Object.keys(a);
  var kb = Object.keys(b);
  if (ka.length !== kb.length) return false;

  // The same set of keys, in whatever order.
  ka.sort();
  kb.sort();
  var i;
  for (i = ka.length - 1; i >= 0; i--) {
    if (ka[i] !== kb[i]) return false;
  }

  for (i = ka.length - 1; i >= 0; i--) {
    var key = ka[i];
    if (!_deepEqual(a[key], b[key])) return false;
  }
  return true;
}


// Whether the thrown value `actual` is what `expected` describes: a RegExp its string form
// must match, a constructor it must be an instance of, or a function that returns true for it.
function expectedException(actual, expected) {
  if (!actual || !expected) return false;

  if (util.isRegExp(expected)) {
    return expected.test(String(actual));
  }

  if (typeof expected !== 'function') return false;

  var proto = expected.prototype;
  if (proto !== null && typeof proto === 'object' && actual instanceof expected) {
    return true;
  }

  // An Error class that did not match must not be called as a validation function: it would
  // only build a new error (or throw, for a class).
  if (expected === Error || expected.prototype instanceof Error) {
    return false;
  }

  return expected.call({}, actual) === true;
}

function _throws(shouldThrow, block, expected, message) {
  if (typeof block !== 'function') {
    throw new TypeError('The "block" argument must be a function');
  }

  if (typeof expected === 'string') {
    message = expected;
    expected = null;
  }

  var threw = false;
  var actual;
  try {
    block();
  } catch (e) {
    threw = true;
    actual = e;
  }

  var details = (expected && expected.name ? ' (' + expected.name + ')' : '') + '.' +
                (message ? ' ' + message : '');

  if (shouldThrow && !threw) {
    fail(actual, expected, 'Missing expected exception' + details, undefined,
         assert.throws);
  }

  if (!shouldThrow && threw && expectedException(actual, expected)) {
    fail(actual, expected, 'Got unwanted exception' + details, undefined,
         assert.doesNotThrow);
  }

  // A throw that is not the one expected (or, for doesNotThrow, any other throw) passes
  // through unchanged.
  if ((shouldThrow && threw && expected && !expectedException(actual, expected)) ||
      (!shouldThrow && threw)) {
    throw actual;
  }
}

assert.throws = function throws(block, /*optional*/error, /*optional*/message) {
  _throws.apply(this, [true].concat(pSlice.call(arguments)));
};

assert.doesNotThrow = function doesNotThrow(block, /*optional*/error, /*optional*/message) {
  _throws.apply(this, [false].concat(pSlice.call(arguments)));
};

assert.ifError = function ifError(err) {
  if (err) throw err;
};
