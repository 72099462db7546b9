// process.markdown example 9: process.chdir.
// adaptation: record console.log lines (still printed) so the check at the end can see them
var assert = require('assert');
var logged = [];
var realLog = console.log;
console.log = function () {
  logged.push(require('util').format.apply(null, arguments));
  realLog.apply(console, arguments);
};

console.log('Starting directory: ' + process.cwd());
try {
  process.chdir('/tmp');
  console.log('New directory: ' + process.cwd());
}
catch (err) {
  console.log('chdir: ' + err);
}

// check: the directory changed to /tmp.
assert.equal(logged.length, 2);
assert.equal(logged[1], 'New directory: ' + require('fs').realpathSync('/tmp'));
