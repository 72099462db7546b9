// modules.markdown example 1: foo.js using circle.js.
// adaptation: record console.log lines (still printed) so the check at the end can see them
var assert = require('assert');
var logged = [];
var realLog = console.log;
console.log = function () {
  logged.push(require('util').format.apply(null, arguments));
  realLog.apply(console, arguments);
};
// adaptation: circle.js is example 2 of the same doc, saved here as modules-2.js.
var circle = require('./modules-2.js');
console.log( 'The area of a circle of radius 4 is '
           + circle.area(4));

// check: the doc's prose gives the area of a circle of radius 4.
assert.deepEqual(logged, ['The area of a circle of radius 4 is ' + (Math.PI * 16)]);
