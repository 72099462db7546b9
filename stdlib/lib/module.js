// The CommonJS module system, as modules.markdown of v0.6.3 describes it: core modules first,
// then './', '../' and '/' paths, then node_modules folders up the tree, then NODE_PATH and the
// global folders. Files are tried as given, then with each extension in require.extensions,
// then as a directory (package.json "main", then index.*).
//
// A module's code is compiled as a function with parameters (exports, require, module,
// __filename, __dirname): no source text is wrapped around it, so its line and column numbers
// in stack traces are the file's own.
var NativeModule = require('native_module');
var path = require('path');
var contextify = process.binding('contextify');
var fsBinding = process.binding('fs');

function Module(id, parent) {
  this.id = id;
  this.exports = {};
  this.parent = parent;
  if (parent && parent.children) parent.children.push(this);
  this.filename = null;
  this.loaded = false;
  this.children = [];
}
module.exports = Module;

Module._cache = {};
Module._pathCache = {};
Module._extensions = {};
Module.Module = Module;

var modulePaths = [];
Module.globalPaths = [];

Module._initPaths = function() {
  var paths = [path.resolve(process.execPath, '..', '..', 'lib', 'node')];
  if (process.env.HOME) {
    paths.unshift(path.resolve(process.env.HOME, '.node_libraries'));
    paths.unshift(path.resolve(process.env.HOME, '.node_modules'));
  }
  if (process.env.NODE_PATH) {
    paths = process.env.NODE_PATH.split(':').filter(Boolean).concat(paths);
  }
  modulePaths = paths;
  Module.globalPaths = modulePaths.slice(0);
};
Module._initPaths();

// The mode bits of p, or -1 if it cannot be stat'ed (a missing candidate costs no exception).
function statMode(p) {
  var mode = fsBinding.statMode(p);
  return mode >= 0 ? mode : -1;
}

var S_IFMT = 61440, S_IFDIR = 16384, S_IFREG = 32768;

// The file itself, if it exists and is not a directory, with symlinks resolved.
function tryFile(requestPath) {
  var mode = statMode(requestPath);
  if (mode !== -1 && (mode & S_IFMT) !== S_IFDIR) return fsBinding.realpath(requestPath);
  return false;
}

function tryExtensions(p, exts) {
  for (var i = 0; i < exts.length; i++) {
    var filename = tryFile(p + exts[i]);
    if (filename) return filename;
  }
  return false;
}

var packageMainCache = {};

function readPackageMain(requestPath) {
  if (Object.prototype.hasOwnProperty.call(packageMainCache, requestPath)) {
    return packageMainCache[requestPath];
  }
  var jsonPath = path.resolve(requestPath, 'package.json');
  // Most directories searched have none: a miss is told apart without an exception.
  if ((statMode(jsonPath) & S_IFMT) !== S_IFREG) return false;
  var json;
  try {
    json = fsBinding.readFileUtf8(jsonPath);
  } catch (e) {
    return false;
  }
  var main;
  try {
    main = JSON.parse(json).main;
  } catch (e) {
    e.path = jsonPath;
    e.message = 'Error parsing ' + jsonPath + ': ' + e.message;
    throw e;
  }
  packageMainCache[requestPath] = main;
  return main;
}

function tryPackage(requestPath, exts) {
  var main = readPackageMain(requestPath);
  if (!main || typeof main !== 'string') return false;
  var filename = path.resolve(requestPath, main);
  return tryFile(filename) || tryExtensions(filename, exts) ||
         tryExtensions(path.resolve(filename, 'index'), exts);
}

Module._findPath = function(request, paths) {
  var exts = Object.keys(Module._extensions);
  if (request.charAt(0) === '/') paths = [''];
  var trailingSlash = request.slice(-1) === '/';
  var cacheKey = JSON.stringify({ request: request, paths: paths });
  if (Module._pathCache[cacheKey]) return Module._pathCache[cacheKey];

  for (var i = 0; i < paths.length; i++) {
    var basePath = path.resolve(paths[i], request);
    var filename;
    if (!trailingSlash) {
      filename = tryFile(basePath) || tryExtensions(basePath, exts);
    }
    if (!filename) filename = tryPackage(basePath, exts);
    if (!filename) filename = tryExtensions(path.resolve(basePath, 'index'), exts);
    if (filename) {
      Module._pathCache[cacheKey] = filename;
      return filename;
    }
  }
  return false;
};

// 'node_modules' folders from `from` up to the root, nearest first.
Module._nodeModulePaths = function(from) {
  from = path.resolve(from);
  var parts = from.split('/');
  var paths = [];
  for (var tip = parts.length - 1; tip >= 0; tip--) {
    if (parts[tip] === 'node_modules') continue;
    var dir = parts.slice(0, tip + 1).concat('node_modules').join('/');
    paths.push(dir || '/node_modules');
  }
  return paths;
};

Module._resolveLookupPaths = function(request, parent) {
  if (NativeModule.exists(request)) return [request, []];

  var start = request.substring(0, 2);
  if (start !== './' && start !== '..') {
    var paths = modulePaths;
    if (parent) {
      if (!parent.paths) parent.paths = [];
      paths = parent.paths.concat(paths);
    }
    return [request, paths];
  }

  // A relative request from the REPL or -e resolves against the current directory.
  if (!parent || !parent.id || !parent.filename) {
    var mainPaths = ['.'].concat(modulePaths);
    mainPaths = Module._nodeModulePaths('.').concat(mainPaths);
    return [request, mainPaths];
  }

  var isIndex = /^index\.\w+?$/.test(path.basename(parent.filename));
  var parentIdPath = isIndex ? parent.id : path.dirname(parent.id);
  var id = path.resolve(parentIdPath, request);
  if (parentIdPath === '.' && id.indexOf('/') === -1) id = './' + id;
  return [id, [path.dirname(parent.filename)]];
};

Module._load = function(request, parent, isMain) {
  var filename = Module._resolveFilename(request, parent);
  var cachedModule = Module._cache[filename];
  if (cachedModule) return cachedModule.exports;

  if (NativeModule.exists(filename)) {
    // The REPL and the module loader itself are never user-loadable as files.
    return NativeModule.require(filename);
  }

  var module = new Module(filename, parent);
  if (isMain) {
    process.mainModule = module;
    module.id = '.';
  }
  Module._cache[filename] = module;
  var hadException = true;
  try {
    module.load(filename);
    hadException = false;
  } finally {
    if (hadException) delete Module._cache[filename];
  }
  return module.exports;
};

Module._resolveFilename = function(request, parent) {
  if (typeof request !== 'string') {
    throw new TypeError('require: the module name must be a string, not ' +
                        (request === null ? 'null' : typeof request));
  }
  if (request === '') throw new Error("Cannot find module ''");
  if (NativeModule.exists(request)) return request;
  var resolved = Module._resolveLookupPaths(request, parent);
  var filename = Module._findPath(request, resolved[1]);
  if (!filename) {
    var err = new Error("Cannot find module '" + request + "'");
    err.code = 'MODULE_NOT_FOUND';
    throw err;
  }
  return filename;
};

Module.prototype.load = function(filename) {
  this.filename = filename;
  this.paths = Module._nodeModulePaths(path.dirname(filename));
  var extension = path.extname(filename) || '.js';
  if (!Module._extensions[extension]) extension = '.js';
  Module._extensions[extension](this, filename);
  this.loaded = true;
};

Module.prototype.require = function(request) {
  return Module._load(request, this);
};

var wrapperParams = ['exports', 'require', 'module', '__filename', '__dirname'];

// Compiles and runs a module's source with its own `require`.
Module.prototype._compile = function(content, filename) {
  var self = this;
  // A '#!' line is blanked, keeping the line count.
  content = content.replace(/^\#\!.*/, '');

  function require(request) {
    return self.require(request);
  }
  require.resolve = function(request) {
    return Module._resolveFilename(request, self);
  };
  Object.defineProperty(require, 'paths', {
    get: function() {
      throw new Error('require.paths is removed. Use node_modules folders, or the NODE_PATH ' +
                      'environment variable instead.');
    }
  });
  require.main = process.mainModule;
  require.extensions = Module._extensions;
  require.registerExtension = function() {
    throw new Error('require.registerExtension() removed. Use require.extensions instead.');
  };
  require.cache = Module._cache;

  var dirname = path.dirname(filename);
  var fn = contextify.compileFunction(content, filename, wrapperParams);
  // Under --debug-brk the debugger agent (debugger/agent) makes the main module's call itself,
  // so that the program stops on its first line.
  if (process._debugCallAndPauseOnStart && self.id === '.') {
    var callAndPause = process._debugCallAndPauseOnStart;
    delete process._debugCallAndPauseOnStart;
    return callAndPause(fn, self.exports, self.exports, require, self, filename, dirname);
  }
  return fn.call(self.exports, self.exports, require, self, filename, dirname);
};

function stripBOM(content) {
  return content.charCodeAt(0) === 0xFEFF ? content.slice(1) : content;
}

Module._extensions['.js'] = function(module, filename) {
  var content = fsBinding.readFileUtf8(filename);
  module._compile(stripBOM(content), filename);
};

Module._extensions['.json'] = function(module, filename) {
  var content = fsBinding.readFileUtf8(filename);
  try {
    module.exports = JSON.parse(stripBOM(content));
  } catch (err) {
    err.message = filename + ': ' + err.message;
    throw err;
  }
};

// A native addon (runtime/addon/node.h): its init fills module.exports.
Module._extensions['.node'] = function(module, filename) {
  process.dlopen(filename, module.exports);
};

Module.runMain = function() {
  Module._load(process.argv[1], null, true);
};

// `node -e`: the source runs in the global scope with module, exports, require,
// __filename and __dirname defined as globals, as v0.6 did.
// -e / --eval: the source runs inside a module wrapper, as in v0.6.3 (module id 'eval', filename
// <cwd>/eval), so __filename, exports, require... are locals and a top-level `var` stays local.
// A direct eval inside the wrapper gives -p the completion value.
Module._runEval = function(source, print) {
  var cwd = process.cwd();
  var module = new Module('eval');
  module.filename = path.join(cwd, 'eval');
  module.paths = Module._nodeModulePaths(cwd);
  Object.defineProperty(module, '_evalSource', {
    value: String(source), writable: true, configurable: true
  });
  var result = module._compile('return eval(module._evalSource);', module.filename);
  if (print) console.log(result);
};

Module.requireRepl = function() {
  return Module._load('repl', null);
};
