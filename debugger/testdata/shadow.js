// A program that shadows `util` and `require`, and tries to replace what the agent inspects
// with: the debugger still prints with the runtime's own util.inspect.
var util = 5;
require = function() { throw new Error('the program\'s own require'); };
global.require = require;
global.util = { inspect: function() { return 'the program\'s inspect'; } };
process._debugInspect = function() { return function() { return 'replaced'; }; };
var redefined = 'redefined';
try {
  Object.defineProperty(process, '_debugInspect', { value: function() {} });
} catch (e) {
  redefined = e.name;
}
var data = { list: [1, [2, [3, [4]]]], when: new Date(0) };
debugger;
console.log('done');
