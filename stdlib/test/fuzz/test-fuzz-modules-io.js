// API fuzz (fuzz-child.js) of the stdlib modules that touch files, processes and terminals:
// every exported function and class method, hostile arguments and foreign receivers, each module
// in a process of its own, in a scratch directory (relative paths only).
require('./fuzz-parent').run('module', [
  'crypto', 'fs', 'child_process', 'cluster', 'readline', 'tty', 'zlib'
]);
