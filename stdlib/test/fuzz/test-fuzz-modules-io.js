// API fuzz (fuzz-child.js) of the stdlib modules that do I/O: every exported function and class
// method, hostile arguments and foreign receivers, each module in a process of its own, in a
// scratch directory (relative paths only).
require('./fuzz-parent').run('module', [
  'net', 'http', 'https', 'tls', 'crypto', 'fs', 'child_process', 'cluster', 'dns', 'dgram',
  'readline', 'tty', 'zlib'
]);
