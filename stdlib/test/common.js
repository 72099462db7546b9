// Shared helpers for the JS tests in stdlib/test. Each test is one process: it passes when it
// exits with code 0, and fails on a thrown exception or an unmet mustCall.
var assert = require('assert');
var path = require('path');

exports.testDir = path.dirname(__filename);
exports.fixturesDir = path.join(exports.testDir, 'fixtures');
// Tests never use fixed ports: listen on PORT (0) and read the real port back from address().
exports.PORT = 0;
// A scratch directory private to this test run (Bazel gives each test its own TEST_TMPDIR).
exports.tmpDir = process.env.TEST_TMPDIR || '/tmp';

var mustCallChecks = [];

// Returns a wrapper around fn that must be called exactly `expected` times (default 1) before
// the process exits; otherwise the test fails with a message naming the call site.
exports.mustCall = function(fn, expected) {
  if (typeof expected !== 'number') expected = 1;
  var context = {
    expected: expected,
    actual: 0,
    stack: (new Error()).stack.split('\n').slice(2).join('\n')
  };
  mustCallChecks.push(context);
  return function() {
    context.actual++;
    if (fn) return fn.apply(this, arguments);
  };
};

// The checks run after every 'exit' listener, including mustCall-wrapped ones added later.
var realEmit = process.emit;
process.emit = function(event, code) {
  var result = realEmit.apply(this, arguments);
  if (event === 'exit' && code === 0) {
    mustCallChecks.forEach(function(context) {
      if (context.actual !== context.expected) {
        console.error('Mismatched function calls. Expected ' + context.expected +
                      ', actual ' + context.actual + '.');
        console.error(context.stack);
        process.reallyExitForTest(1);
      }
    });
  }
  return result;
};
process.reallyExitForTest = function(code) {
  process.binding('process_methods').reallyExit(code);
};
