var common = require('../common');
var assert = require('assert');

// An unref'd timer does not keep the process alive; a ref'd one does.
var unrefd = setTimeout(function() { throw new Error('unref timer kept the process alive'); }, 10000);
unrefd.unref();
setTimeout(common.mustCall(function() {}), 5);
