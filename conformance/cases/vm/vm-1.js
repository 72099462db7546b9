// vm.markdown example 1: accessing the module.
// check: the module loads and has the documented functions.
var vm = require('vm');

var assert = require('assert');
['runInThisContext', 'runInNewContext', 'runInContext', 'createContext', 'createScript']
  .forEach(function(name) {
    assert.strictEqual(typeof vm[name], 'function', name);
  });
