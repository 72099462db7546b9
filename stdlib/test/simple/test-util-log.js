// util.log() writes the message to stdout after a local-time timestamp such as
// '26 Feb 16:19:34 - ', whose day of the month is not zero-padded but whose time is.
var common = require('../common');
var assert = require('assert');
var util = require('util');

function logWithClock(year, month, day, h, m, s, message) {
  var RealDate = Date;
  var written = [];
  var origWrite = process.stdout.write;
  // A constructor that returns an object makes `new Date()` yield that object.
  global.Date = function() {
    return new RealDate(year, month, day, h, m, s);
  };
  process.stdout.write = function(chunk) {
    written.push(String(chunk));
    return true;
  };
  try {
    util.log(message);
  } finally {
    global.Date = RealDate;
    process.stdout.write = origWrite;
  }
  assert.strictEqual(written.length, 1);
  return written[0];
}

assert.strictEqual(logWithClock(2011, 1, 5, 6, 7, 8, 'Timestamped message.'),
                   '5 Feb 06:07:08 - Timestamped message.\n');
assert.strictEqual(logWithClock(2011, 1, 26, 16, 19, 34, 'x'),
                   '26 Feb 16:19:34 - x\n');
assert.strictEqual(logWithClock(2011, 11, 31, 23, 59, 0, 42),
                   '31 Dec 23:59:00 - 42\n');
assert.strictEqual(logWithClock(2012, 0, 1, 0, 0, 0, ''),
                   '1 Jan 00:00:00 - \n');
