// API fuzz (fuzz-child.js): every exported function and class method of these stdlib modules,
// with hostile arguments and foreign receivers, each module in a process of its own. The only
// acceptable outcomes are a thrown error or a normal result.
require('./fuzz-parent').run('module', [
  'events', 'buffer', 'stream', 'util', 'assert', 'url', 'querystring', 'path', 'punycode',
  'string_decoder', 'console', 'timers', 'os', 'vm', 'module', 'process'
]);
