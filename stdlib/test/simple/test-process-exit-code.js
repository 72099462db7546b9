var common = require('../common');
var assert = require('assert');

// process.exit(0) from inside a callback ends the process at once; the later timer never fires.
process.on('exit', common.mustCall(function(code) {
  assert.strictEqual(code, 0);
}));
setTimeout(function() {
  process.exit(0);
}, 1);
setTimeout(function() { throw new Error('should not run'); }, 200);
