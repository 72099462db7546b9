// The console object: util.format-style printing to stdout (log, info) and stderr (warn,
// error), plus dir, time/timeEnd, trace and assert, as globals.markdown / stdio.markdown say.
var util = require('util');

var times = {};

exports.log = function() {
  process.stdout.write(util.format.apply(this, arguments) + '\n');
};
exports.info = exports.log;

exports.warn = function() {
  process.stderr.write(util.format.apply(this, arguments) + '\n');
};
exports.error = exports.warn;

exports.dir = function(object) {
  process.stdout.write(util.inspect(object) + '\n');
};

exports.time = function(label) {
  times[label] = Date.now();
};

exports.timeEnd = function(label) {
  if (!Object.prototype.hasOwnProperty.call(times, label)) {
    throw new Error('No such label: ' + label);
  }
  var duration = Date.now() - times[label];
  delete times[label];
  exports.log('%s: %dms', label, duration);
};

exports.trace = function(label) {
  // The stack starts at the caller, not at this function.
  var err = new Error();
  err.name = 'Trace';
  err.message = label === undefined ? '' : util.format.apply(this, arguments);
  Error.captureStackTrace(err, exports.trace);
  exports.error(err.stack);
};

exports.assert = function(expression) {
  if (!expression) {
    var assert = require('assert');
    var message = Array.prototype.slice.call(arguments, 1);
    assert.ok(false, message.length ? util.format.apply(this, message) : undefined);
  }
};
