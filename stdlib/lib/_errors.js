// `_errors`: where the stdlib's JavaScript makes system errors. Bindings report a failure as a
// libuv error code (a negative number; runtime/core/errors.h states the rule); the module that
// called them turns it into an Error here, so every module's errors have one shape.
//
// v0.6.3 worded them two ways, and runtime/core/errors.h lists which module uses which:
//   errnoException: "connect ECONNREFUSED", `errno` the code name too (net, dgram, dns, cluster,
//     child_process; child_process adds the command as `path` and at the end of the message);
//   uvException: "EPIPE, broken pipe" (or "ENOENT, no such file or directory 'x'"), `errno` the
//     number: the wording of C++'s UVException, for the few callers that make it in JS.
// The properties are defined on the new Error, as C++ defines them, so a setter some script put
// on Error.prototype neither runs nor changes the error.
//
// Being a builtin, `require('_errors')` always finds this module: no file of a user's can
// shadow it, since builtins are looked up before any path.
'use strict';

var methods = process.binding('process_methods');

function define(error, name, value) {
  Object.defineProperty(error, name,
                        { value: value, writable: true, enumerable: true, configurable: true });
}

// The name of a libuv error code ('ECONNREFUSED', 'EOF', ...), as libuv names it; a string (a
// code name the binding already chose, as c-ares's 'ENOTFOUND') is returned as it is.
function errname(err) {
  return typeof err === 'string' ? err : methods.errname(err);
}
exports.errname = errname;

// errnoException(err, syscall[, path]): the Error for `err`, a negative libuv code or a code
// name. Properties in v0.6.3's order: code, errno, syscall, then path if given.
exports.errnoException = function(err, syscall, path) {
  var code = errname(err);
  var error = new Error(syscall + ' ' + code + (path ? ' ' + path : ''));
  define(error, 'code', code);
  define(error, 'errno', code);
  define(error, 'syscall', syscall);
  if (path) define(error, 'path', path);
  return error;
};

// uvException(err, syscall[, path]): the Error for `err`, a negative libuv code, exactly as
// runtime/core/errors.cc's UVException makes it: errno, code, syscall, then path if given.
exports.uvException = function(err, syscall, path) {
  var code = methods.errname(err);
  var message = code + ', ' + methods.strerror(err);
  if (path) message += " '" + path + "'";
  var error = new Error(message);
  define(error, 'errno', err);
  define(error, 'code', code);
  if (syscall) define(error, 'syscall', syscall);
  if (path) define(error, 'path', path);
  return error;
};
