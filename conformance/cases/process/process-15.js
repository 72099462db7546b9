// process.markdown example 15: process.setuid.
// adaptation: record console.log lines (still printed) so the check at the end can see them
var assert = require('assert');
var logged = [];
var realLog = console.log;
console.log = function () {
  logged.push(require('util').format.apply(null, arguments));
  realLog.apply(console, arguments);
};

console.log('Current uid: ' + process.getuid());
try {
  process.setuid(501);
  console.log('New uid: ' + process.getuid());
}
catch (err) {
  console.log('Failed to set uid: ' + err);
}

// check: either the id changed to 501 (privileged) or an error was reported.
assert.equal(logged.length, 2);
assert.ok(/^(New uid: 501|Failed to set uid: .*Error)/.test(logged[1]), logged[1]);
