// process.markdown example 13: process.setgid.
// adaptation: record console.log lines (still printed) so the check at the end can see them
var assert = require('assert');
var logged = [];
var realLog = console.log;
console.log = function () {
  logged.push(require('util').format.apply(null, arguments));
  realLog.apply(console, arguments);
};

console.log('Current gid: ' + process.getgid());
try {
  process.setgid(501);
  console.log('New gid: ' + process.getgid());
}
catch (err) {
  console.log('Failed to set gid: ' + err);
}

// check: either the id changed to 501 (privileged) or an error was reported.
assert.equal(logged.length, 2);
assert.ok(/^(New gid: 501|Failed to set gid: .*Error)/.test(logged[1]), logged[1]);
