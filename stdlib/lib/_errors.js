// `_errors`: where the stdlib's JavaScript makes system errors. Bindings report a failure as a
// libuv error code (a negative number; runtime/core/errors.h states the rule); the module that
// called them turns it into an Error here, so every module's errors have one shape.
//
// The wording is v0.6.3's for net, dgram, dns, cluster and child_process: "<syscall> <CODE>",
// with `errno` the code name too (not a number), and `syscall`; child_process adds the command as
// `path` and at the end of the message. fs and the process, os and tty methods keep v0.6.3's other
// wording ("ENOENT, no such file or directory 'x'", numeric `errno`), made in C++ by UVException;
// runtime/core/errors.h lists both.
//
// Being a builtin, `require('_errors')` always finds this module: no file of a user's can
// shadow it, since builtins are looked up before any path.
'use strict';

var methods = process.binding('process_methods');

// The name of a libuv error code ('ECONNREFUSED', 'EOF', ...), as libuv names it; a string (a
// code name the binding already chose, as c-ares's 'ENOTFOUND') is returned as it is.
function errname(err) {
  return typeof err === 'string' ? err : methods.errname(err);
}
exports.errname = errname;

// errnoException(err, syscall[, path]): the Error for `err`, a negative libuv code or a code
// name. Properties are set in v0.6.3's order: code, errno, syscall, then path if given.
exports.errnoException = function(err, syscall, path) {
  var code = errname(err);
  var error = new Error(syscall + ' ' + code + (path ? ' ' + path : ''));
  error.errno = error.code = code;
  error.syscall = syscall;
  if (path) error.path = path;
  return error;
};
