// Date's and Number's toLocale* methods as V8 3.6 (v0.6) made them when called without a
// locale or options; with either, today's Intl formatting. log4js 0.5's suite compares its %r
// layout (toLocaleTimeString()) with "14:18:30".
var common = require('../common');
var assert = require('assert');

var date = new Date(2010, 11, 5, 14, 18, 30, 45);  // local time, as the layouts of the time
assert.strictEqual(date.toLocaleTimeString(), '14:18:30');
assert.strictEqual(date.toLocaleDateString(), 'Sunday, December 05, 2010');
assert.strictEqual(date.toLocaleString(), date.toString());
assert.strictEqual(new Date(2012, 0, 9, 3, 4, 5).toLocaleTimeString(), '03:04:05');
assert.strictEqual(new Date(2012, 0, 9, 3, 4, 5).toLocaleDateString(),
                   'Monday, January 09, 2012');
assert.strictEqual(new Date(2012, 0, 9, 0, 0, 0).toLocaleTimeString(), '00:00:00');

var invalid = new Date(NaN);
assert.strictEqual(invalid.toLocaleTimeString(), 'Invalid Date');
assert.strictEqual(invalid.toLocaleDateString(), 'Invalid Date');
assert.strictEqual(invalid.toLocaleString(), 'Invalid Date');

// A locale or options: Intl, as today's V8 (12-hour clock for en-US). ICU releases differ in
// the space before "PM" (CLDR 42 made it U+202F), so spaces are compared as spaces.
function spaced(s) { return s.replace(/\s/g, ' '); }
assert.strictEqual(spaced(date.toLocaleTimeString('en-US')), '2:18:30 PM');
assert.strictEqual(date.toLocaleTimeString(undefined, {}).length > 0, true);  // the default locale's
assert.strictEqual(date.toLocaleTimeString('en-US', { hour12: false }), '14:18:30');
assert.strictEqual(date.toLocaleDateString('en-US'), '12/5/2010');
assert.strictEqual(spaced(date.toLocaleString('en-US')), '12/5/2010, 2:18:30 PM');

// Still methods of Dates only, with the built-ins' shape.
[Date.prototype.toLocaleString, Date.prototype.toLocaleDateString,
 Date.prototype.toLocaleTimeString].forEach(function(fn) {
  assert.throws(function() { fn.call({}); }, TypeError);
  assert.throws(function() { fn.call(1293545910000); }, TypeError);
  assert.strictEqual(fn.length, 0);
  assert.strictEqual(Object.getOwnPropertyDescriptor(Date.prototype, fn.name).enumerable, false);
});

// Number's is its toString(); the Array's calls each element's.
assert.strictEqual((1234567.5).toLocaleString(), '1234567.5');
assert.strictEqual((-0.25).toLocaleString(), '-0.25');
assert.strictEqual(new Number(1e21).toLocaleString(), '1e+21');
assert.strictEqual((1234567.5).toLocaleString('en-US'), '1,234,567.5');
assert.strictEqual([1234.5, 7].toLocaleString(), '1234.5,7');
assert.throws(function() { Number.prototype.toLocaleString.call('1'); }, TypeError);
assert.strictEqual(Number.prototype.toLocaleString.length, 0);

// String's localeCompare as V8 3.6's: code units, the difference itself; Intl with a locale or
// options.
assert.strictEqual('a'.localeCompare('a'), 0);
assert.strictEqual('a'.localeCompare('c'), -2);
assert.strictEqual('B'.localeCompare('a'), -31);  // 'B' before 'a', as ASCII
assert.ok('\u00e9'.localeCompare('z') > 0);       // 'é' after 'z'
assert.strictEqual('ab'.localeCompare('abcd'), -2);
assert.strictEqual('abcd'.localeCompare('ab'), 2);
assert.strictEqual(''.localeCompare(''), 0);
assert.strictEqual('x'.localeCompare(), 0);       // no argument: 0
assert.strictEqual('1'.localeCompare(1), 0);      // the argument as a string
assert.strictEqual(String.prototype.localeCompare.call(12, '13'), -1);
assert.deepEqual(['b', 'C', 'a', 'B'].sort(function(x, y) { return x.localeCompare(y); }),
                 ['B', 'C', 'a', 'b']);
assert.ok('B'.localeCompare('a', 'en') > 0);      // Intl: a before B
assert.ok('\u00e9'.localeCompare('z', 'en') < 0);
assert.ok('a'.localeCompare('A', undefined, { sensitivity: 'base' }) === 0);
assert.throws(function() { String.prototype.localeCompare.call(null, 'a'); }, TypeError);
assert.throws(function() { String.prototype.localeCompare.call(undefined, 'a'); }, TypeError);
assert.strictEqual(String.prototype.localeCompare.length, 1);

// A vm context has them too, on its own intrinsics, as v0.6's contexts had V8 3.6's; and
// Proxy.create.
var vm = require('vm');
assert.strictEqual(vm.runInNewContext('new Date(2010, 11, 5, 14, 18, 30).toLocaleTimeString()'),
                   '14:18:30');
assert.strictEqual(vm.runInNewContext('(1234.5).toLocaleString()'), '1234.5');
assert.strictEqual(vm.runInNewContext('"B".localeCompare("a")'), -31);
assert.strictEqual(vm.runInNewContext('Date.prototype.toLocaleTimeString === d.toLocaleTimeString',
                                      { d: date }), false);  // its own Date's, not ours
var context = vm.createContext({});
assert.strictEqual(vm.runInContext('new Date(2012, 0, 9).toLocaleDateString()', context),
                   'Monday, January 09, 2012');
assert.strictEqual(vm.runInNewContext(
    'Proxy.create({ get: function(r, name) { return name + "!"; } }).hello'), 'hello!');
// The sandbox sees no new globals from this.
var sandbox = {};
vm.runInNewContext('1', sandbox);
assert.deepEqual(Object.keys(sandbox), []);
