// API fuzz (fuzz-child.js) of the network modules: every exported function and class method,
// hostile arguments (foreign native objects as handles among them) and foreign receivers, each
// module in a process of its own.
require('./fuzz-parent').run('module', [
  'net', 'http', 'https', 'tls', 'dns', 'dgram'
]);
