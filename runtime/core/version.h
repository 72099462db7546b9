// The Node version this runtime implements, as reported by process.version and `-v`.
#ifndef RUNTIME_CORE_VERSION_H_
#define RUNTIME_CORE_VERSION_H_

#define NODUS_NODE_VERSION "v0.6.3"
#define NODUS_NODE_VERSION_STRING "0.6.3"
#define NODUS_VERSION "0.1.0"

#endif  // RUNTIME_CORE_VERSION_H_
