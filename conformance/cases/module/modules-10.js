// modules.markdown example 10: x.js assigning module.exports too late (in a callback).
setTimeout(function() {
  module.exports = { a: "hello" };
}, 0);

// check: module.exports is replaced only once the timer fires.
var assert = require('assert');
var before = module.exports;
setTimeout(function () {
  assert.notStrictEqual(module.exports, before);
  assert.equal(module.exports.a, 'hello');
}, 10);
