// modules.markdown example 2: circle.js (also required by modules-1.js).
var PI = Math.PI;

exports.area = function (r) {
  return PI * r * r;
};

exports.circumference = function (r) {
  return 2 * PI * r;
};

// check: the module exports area and circumference.
var assert = require('assert');
assert.equal(exports.area(4), Math.PI * 16);
assert.equal(exports.circumference(1), 2 * Math.PI);
