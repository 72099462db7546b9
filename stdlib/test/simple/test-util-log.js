// util.log() writes the message to stdout after a '26 Feb 16:19:34 - ' style timestamp.
var common = require('../common');
var assert = require('assert');
var util = require('util');

var written = [];
var origWrite = process.stdout.write;
process.stdout.write = function(chunk) {
  written.push(String(chunk));
  return true;
};
var before = new Date();
try {
  util.log('Timestamped message.');
} finally {
  process.stdout.write = origWrite;
}

assert.strictEqual(written.length, 1);
var m = /^(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d\d):(\d\d):(\d\d) - Timestamped message\.\n$/.exec(written[0]);
assert.ok(m, 'unexpected log line: ' + JSON.stringify(written[0]));
assert.strictEqual(m[1].charAt(0) === '0', false);

// The timestamp is local time. Allow for the clock ticking over between the two readings.
var months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun',
              'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
var logged = new Date(before.getFullYear(), months.indexOf(m[2]), Number(m[1]),
                      Number(m[3]), Number(m[4]), Number(m[5]));
var diff = logged.getTime() - Math.floor(before.getTime() / 1000) * 1000;
assert.ok(diff >= 0 && diff <= 2000, 'timestamp off by ' + diff + 'ms');
