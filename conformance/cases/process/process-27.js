// process.markdown example 27: process.umask.
// adaptation: record console.log lines (still printed) so the check at the end can see them
var assert = require('assert');
var logged = [];
var realLog = console.log;
console.log = function () {
  logged.push(require('util').format.apply(null, arguments));
  realLog.apply(console, arguments);
};

var oldmask, newmask = 0644;

oldmask = process.umask(newmask);
console.log('Changed umask from: ' + oldmask.toString(8) +
            ' to ' + newmask.toString(8));

// check: umask returned the old mask and set the new one.
assert.equal(typeof oldmask, 'number');
assert.equal(logged[0], 'Changed umask from: ' + oldmask.toString(8) + ' to 644');
assert.equal(process.umask(oldmask), 0644);
