var common = require('../common');
var assert = require('assert');
var path = require('path');
var execFile = require('child_process').execFile;

// -e code runs inside a module wrapper, as in v0.6.3: module id 'eval', filename <cwd>/eval,
// the wrapper's parameters are locals, and a top-level var does not become a global.
var cwd = common.tmpDir;
var source =
    'var topLevel = 1;' +
    'console.log(JSON.stringify({' +
    '  filename: __filename, dirname: __dirname, id: module.id,' +
    '  exportsIsModuleExports: exports === module.exports,' +
    '  requireWorks: typeof require("path").join,' +
    '  globalVar: typeof global.topLevel,' +
    '  globalFilename: Object.prototype.hasOwnProperty.call(global, "__filename"),' +
    '  globalRequire: Object.prototype.hasOwnProperty.call(global, "require")' +
    '}));';
execFile(process.execPath, ['-e', source], { cwd: cwd }, common.mustCall(function(err, stdout) {
  assert.ifError(err);
  var seen = JSON.parse(stdout);
  assert.equal(seen.filename, path.join(cwd, 'eval'));
  assert.equal(seen.dirname, cwd);
  assert.equal(seen.id, 'eval');
  assert.strictEqual(seen.exportsIsModuleExports, true);
  assert.equal(seen.requireWorks, 'function');
  assert.equal(seen.globalVar, 'undefined');
  assert.strictEqual(seen.globalFilename, false);
  assert.strictEqual(seen.globalRequire, false);
}));

// -p still prints the completion value, declarations included.
execFile(process.execPath, ['-p', 'var y = 20; y + 1'], { cwd: cwd },
         common.mustCall(function(err, stdout) {
  assert.ifError(err);
  assert.equal(stdout, '21\n');
}));

// --eval with relative require resolves from the cwd's node_modules paths.
execFile(process.execPath, ['--eval', 'console.log(module.paths[0])'], { cwd: cwd },
         common.mustCall(function(err, stdout) {
  assert.ifError(err);
  assert.equal(stdout, path.join(cwd, 'node_modules') + '\n');
}));
