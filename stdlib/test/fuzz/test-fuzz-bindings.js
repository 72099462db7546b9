// API fuzz (fuzz-child.js) of every process.binding(): each function and each class's methods,
// called on their own objects, on other bindings' objects (a zlib handle where a stream handle is
// expected...), plain objects and null, with hostile arguments; one binding per process.
require('./fuzz-parent').run('binding', [
  'buffer', 'cares_wrap', 'constants', 'contextify', 'crypto', 'fs', 'http_parser', 'natives',
  'os', 'pipe_wrap', 'process_methods', 'process_wrap', 'signal_wrap', 'stdio_wrap', 'tcp_wrap',
  'timer_wrap', 'tls_wrap', 'tty_wrap', 'udp_wrap', 'zlib'
]);
