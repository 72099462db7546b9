// Every exported function of the foundation modules, called with hostile arguments, either
// returns or throws an Error; nothing crashes the process.
var common = require('../common');
var assert = require('assert');

var throwingGetter = {};
Object.defineProperty(throwingGetter, 'length', { get: function() { throw new Error('getter'); } });
var throwingToString = { toString: function() { throw new Error('toString'); } };
var hostile = [undefined, null, -1, 0, NaN, Infinity, 2147483648, Math.pow(2, 53), -0.5, '',
               'x', new Array(1 << 12).join('long'), [], [1, 2], {}, throwingGetter,
               throwingToString, function() {}, /re/, new Date(NaN), true];

var modules = {
  events: require('events'),
  util: require('util'),
  path: require('path'),
  assert: require('assert'),
  timers: require('timers'),
  module: require('module')
};
// Functions that would end the test process or print a lot are left out by name.
var skip = { 'util.pump': 1, 'util.print': 1, 'util.puts': 1, 'util.debug': 1, 'util.error': 1,
             'util.log': 1, 'path.exists': 1, 'module.runMain': 1, 'module._load': 1,
             'module.requireRepl': 1, 'module._runEval': 1, 'module._initPaths': 1,
             // ifError throws its argument itself, by design.
             'assert.ifError': 1 };

var calls = 0;
function attempt(name, fn, self, args) {
  calls++;
  try {
    var result = fn.apply(self, args);
    if (result && typeof result === 'object' && typeof result.unref === 'function') {
      require('timers').clearTimeout(result);
    }
  } catch (e) {
    if (!(e instanceof Error)) assert.fail(typeof e, 'Error', name + ' threw a non-Error', 'instanceof');
  }
}

Object.keys(modules).forEach(function(moduleName) {
  var exported = modules[moduleName];
  Object.keys(exported).forEach(function(key) {
    var fn = exported[key];
    var name = moduleName + '.' + key;
    if (typeof fn !== 'function' || skip[name]) return;
    if (/^[A-Z]/.test(key)) return;  // Constructors are covered below.
    hostile.forEach(function(a) {
      attempt(name, fn, exported, [a]);
      hostile.forEach(function(b) { attempt(name, fn, exported, [a, b]); });
    });
  });
});

// EventEmitter methods and process functions with hostile arguments.
var EventEmitter = modules.events.EventEmitter;
['on', 'once', 'removeListener', 'removeAllListeners', 'setMaxListeners', 'listeners',
 'emit'].forEach(function(method) {
  hostile.forEach(function(a) {
    hostile.forEach(function(b) {
      attempt('EventEmitter#' + method, EventEmitter.prototype[method], new EventEmitter(), [a, b]);
    });
  });
});
['nextTick', 'chdir', 'umask', 'kill', 'setuid', 'setgid', 'hrtime', 'binding'].forEach(function(k) {
  hostile.forEach(function(a) {
    if (k === 'kill' && (a === 0 || a === -1)) return;  // Signals to the process group: not here.
    if ((k === 'setuid' || k === 'setgid') && typeof a === 'number') return;  // Would drop root.
    attempt('process.' + k, process[k], process, [a]);
  });
});
var cwd = process.cwd();
process.chdir(cwd);
process.umask(parseInt('022', 8));

process.on('exit', function() {
  assert.ok(calls > 5000, 'made ' + calls + ' calls');
});
