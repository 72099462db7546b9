// The vm module: compiling and running code in this context or in fresh ones, as in v0.6.
//
// A new context is a separate V8 context with its own built-ins (process.binding('contextify')
// .makeContext returns its global object). A sandbox is an ordinary object: before each run its
// own properties are copied onto the context's global, and afterwards the global's properties
// (other than untouched built-ins) are copied back, so globals the code creates or changes show
// up in the sandbox. A context from createContext is such a sandbox that keeps its V8 context
// (held in a WeakMap here), so state such as functions and closures survives between runs.
//
// Values made inside another context belong to that context's realm: an Error thrown there is
// not `instanceof Error` of this context (check err.name), and likewise for arrays and other
// built-in types. A syntax error is reported by the compiler of this context, so it is a
// SyntaxError here too; its location is also written to stderr, as v0.6 did.
var binding = process.binding('contextify');
var ContextifyScript = binding.ContextifyScript;

var DEFAULT_FILENAME = 'evalmachine.<anonymous>';

// Script -> its compiled ContextifyScript; context object -> its { global, builtins }.
var compiled = new WeakMap();
var contexts = new WeakMap();

// Code that is not a string (a Buffer, say) is converted with String(), as v0.6.3 did.
function toCode(code) {
  return typeof code === 'string' ? code : String(code);
}

function checkFilename(filename) {
  if (filename === undefined) return DEFAULT_FILENAME;
  if (typeof filename !== 'string') throw new TypeError('filename must be a string');
  return filename;
}

function checkSandbox(sandbox) {
  if (sandbox === undefined || sandbox === null) return {};
  if (typeof sandbox !== 'object' && typeof sandbox !== 'function') {
    throw new TypeError('sandbox must be an object');
  }
  return sandbox;
}

function checkContext(context) {
  var state = (typeof context === 'object' && context !== null) ? contexts.get(context) : undefined;
  if (!state) throw new TypeError('needs a \'context\' argument made by vm.createContext()');
  return state;
}

// A fresh V8 context, with the names and values of its pristine global's own properties, so
// that copying back to a sandbox can leave the untouched built-ins out.
function newContextState() {
  var global = binding.makeContext();
  // V8 gives every context a `console` that prints nothing without a debugger; v0.6's contexts
  // had no console, so code that probes for one is not fooled.
  delete global.console;
  // V8 3.6's built-ins, as the main context has them (_v06_builtins.js).
  require('_v06_builtins').install(global);
  var builtins = Object.create(null);
  Object.getOwnPropertyNames(global).forEach(function(key) {
    builtins[key] = Object.getOwnPropertyDescriptor(global, key);
  });
  return { global: global, builtins: builtins };
}

function sameDescriptor(a, b) {
  return Object.is(a.value, b.value) && a.get === b.get && a.set === b.set;
}

// Defines `key` on `target` as `desc` describes; a property that cannot be redefined (such as
// one a `var` declared) is assigned instead, and one that cannot be assigned is left alone.
function copyProperty(target, key, desc) {
  try {
    Object.defineProperty(target, key, desc);
  } catch (e) {
    if (!('value' in desc)) return;
    try {
      target[key] = desc.value;
    } catch (e2) {
      // read-only: left as it is
    }
  }
}

function copyIn(sandbox, global) {
  Object.getOwnPropertyNames(sandbox).forEach(function(key) {
    var desc = Object.getOwnPropertyDescriptor(sandbox, key);
    if (desc.value === sandbox) desc.value = global;
    desc.configurable = true;
    copyProperty(global, key, desc);
  });
}

function copyOut(state, sandbox) {
  var global = state.global;
  var builtins = state.builtins;
  Object.getOwnPropertyNames(global).forEach(function(key) {
    var desc = Object.getOwnPropertyDescriptor(global, key);
    if (!desc) return;
    if (key in builtins && sameDescriptor(desc, builtins[key]) &&
        !Object.prototype.hasOwnProperty.call(sandbox, key)) {
      return;
    }
    if (desc.value === global) desc.value = sandbox;
    desc.configurable = true;
    copyProperty(sandbox, key, desc);
  });
}

function runInSandbox(script, state, sandbox) {
  copyIn(sandbox, state.global);
  try {
    return script.runInContext(state.global);
  } finally {
    copyOut(state, sandbox);
  }
}

// --- Script ----------------------------------------------------------------------------------

function Script(code, filename) {
  if (!(this instanceof Script)) return new Script(code, filename);
  compiled.set(this, new ContextifyScript(toCode(code), checkFilename(filename)));
}

function compiledScript(script) {
  var native = (typeof script === 'object' && script !== null) ? compiled.get(script) : undefined;
  if (!native) throw new TypeError('not a vm.Script');
  return native;
}

Script.prototype.runInThisContext = function() {
  return compiledScript(this).runInContext(undefined);
};

Script.prototype.runInNewContext = function(sandbox) {
  var native = compiledScript(this);
  return runInSandbox(native, newContextState(), checkSandbox(sandbox));
};

Script.prototype.runInContext = function(context) {
  var native = compiledScript(this);
  return runInSandbox(native, checkContext(context), context);
};

exports.Script = Script;

exports.createScript = function(code, filename) {
  return new Script(code, filename);
};

// --- Contexts ---------------------------------------------------------------------------------

function Context() {}

// A new context seeded with a shallow copy of initSandbox's own properties.
exports.createContext = function(initSandbox) {
  var context = new Context();
  if (initSandbox !== undefined && initSandbox !== null) {
    if (typeof initSandbox !== 'object' && typeof initSandbox !== 'function') {
      throw new TypeError('initSandbox must be an object');
    }
    Object.getOwnPropertyNames(initSandbox).forEach(function(key) {
      var desc = Object.getOwnPropertyDescriptor(initSandbox, key);
      if (desc.value === initSandbox) desc.value = context;
      copyProperty(context, key, desc);
    });
  }
  contexts.set(context, newContextState());
  return context;
};

// --- One-shot forms -------------------------------------------------------------------------

exports.runInThisContext = function(code, filename) {
  return new Script(code, filename).runInThisContext();
};

exports.runInNewContext = function(code, sandbox, filename) {
  code = toCode(code);
  sandbox = checkSandbox(sandbox);
  return new Script(code, filename).runInNewContext(sandbox);
};

exports.runInContext = function(code, context, filename) {
  code = toCode(code);
  checkContext(context);
  return new Script(code, filename).runInContext(context);
};

// v0.6.3's NodeScript also had createContext on its prototype: a new context, as
// vm.createContext makes (the script itself plays no part).
Script.prototype.createContext = function(initSandbox) {
  return exports.createContext(initSandbox);
};

// v0.6's Script (the `evals` binding's NodeScript) also carried the one-shot forms.
Script.createContext = exports.createContext;
Script.runInThisContext = exports.runInThisContext;
Script.runInNewContext = exports.runInNewContext;
Script.runInContext = exports.runInContext;
