// The REPL (repl.markdown of v0.6.3): read a line, evaluate it, print the result, repeat.
//
// A REPLServer reads lines through a readline Interface on its input stream (process.stdin,
// or a socket it was given) and writes prompts and results to its output. Code runs in a vm
// context of its own that starts with copies of the global object's properties, or in the
// global context itself when useGlobal is set. A line whose code is incomplete (the compiler
// ran out of input) is kept, and the next lines are added to it under a '... ' prompt, until the
// whole parses. Lines that start with '.' are REPL commands (.break, .clear, .exit, .help,
// .save, .load, and any added with defineCommand).
//
// Syntax is checked by compiling the code as a function body before running it, which reports
// errors quietly; running it through the vm module would also print the error's location to
// stderr, which at a prompt is just noise.
var EventEmitter = require('events').EventEmitter;
var util = require('util');
var vm = require('vm');
var path = require('path');
var fs = require('fs');
var readline = require('readline');
var Module = require('module');
var contextify = process.binding('contextify');

// How results are shown; replaceable, as in v0.6. Called as writer(value, showHidden, depth,
// colors).
exports.writer = util.inspect;

// repl.start([prompt], [stream], [eval], [useGlobal], [ignoreUndefined]), or today's
// repl.start({ prompt, input, output, eval, useGlobal, ignoreUndefined, terminal, useColors }).
exports.start = function(prompt, stream, evalFn, useGlobal, ignoreUndefined) {
  return new REPLServer(prompt, stream, evalFn, useGlobal, ignoreUndefined);
};

function REPLServer(prompt, stream, evalFn, useGlobal, ignoreUndefined) {
  if (!(this instanceof REPLServer)) {
    return new REPLServer(prompt, stream, evalFn, useGlobal, ignoreUndefined);
  }
  EventEmitter.call(this);

  var options;
  if (prompt !== null && typeof prompt === 'object') {
    options = prompt;
  } else {
    options = { prompt: prompt, input: stream, output: stream, eval: evalFn,
                useGlobal: useGlobal, ignoreUndefined: ignoreUndefined };
  }
  var input = options.input || options.stream || process.stdin;
  var output = options.output || options.stream || (options.input ? null : process.stdout);
  // stdin given as "the stream" is only the input half: results go to stdout.
  if (!output || (output === input && input.fd === 0)) output = process.stdout;
  if (typeof input.on !== 'function') throw new TypeError('repl: the input must be a stream');
  if (typeof output.write !== 'function') throw new TypeError('repl: the output must be a stream');
  if (options.eval !== undefined && options.eval !== null && typeof options.eval !== 'function') {
    throw new TypeError('repl: eval must be a function');
  }

  var self = this;
  this.prompt = options.prompt === undefined || options.prompt === null ? '> '
                                                                          : String(options.prompt);
  this.inputStream = input;
  this.outputStream = output;
  this.useGlobal = !!options.useGlobal;
  this.ignoreUndefined = !!options.ignoreUndefined;
  this.useColors = options.useColors !== undefined
      ? !!options.useColors
      : !!output.isTTY && !parseInt(process.env.NODE_DISABLE_COLORS, 10);
  if (typeof options.writer === 'function') this.writer = options.writer;

  // eval(code, context, filename, callback) as v0.6 called it; the docs' two-argument form,
  // eval(code, callback), is accepted too.
  if (typeof options.eval === 'function') {
    var userEval = options.eval;
    this.eval = userEval.length <= 2 ? function(code, context, file, callback) {
      return userEval.call(self, code, callback);
    } : userEval;
  } else {
    this.eval = function(code, context, file, callback) {
      var result, error = null;
      try {
        result = self._run(code, context, file);
      } catch (e) {
        error = e;
      }
      callback(error, result);
    };
  }

  this.commands = {};
  defineDefaultCommands(this);
  this.bufferedCommand = '';
  this.lines = [];
  this._queue = [];          // lines that arrived while an asynchronous eval was working
  this._evaluating = false;
  this._draining = false;
  this._sawSIGINT = false;

  var cwd = process.cwd();
  this._module = new Module('<repl>');
  this._module.filename = path.join(cwd, '<repl>');
  this._module.paths = Module._nodeModulePaths(cwd);
  var replModule = this._module;
  this._require = function(request) { return replModule.require(request); };
  this._require.resolve = function(request) {
    return Module._resolveFilename(request, replModule);
  };
  this._require.cache = Module._cache;
  this._require.extensions = Module._extensions;
  this.resetContext();

  this.rli = readline.createInterface({
    input: input,
    output: output,
    completer: function(text, callback) { self.complete(text, callback); },
    terminal: options.terminal
  });

  this.rli.on('line', function(line) { self._onLine(line); });

  this.rli.on('close', function() {
    self.emit('exit');
    // As in v0.6, closing the REPL closes its stream: a socket is ended (what was written
    // still goes out), stdin stops.
    if (input === output && typeof input.end === 'function') input.end();
    else if (typeof input.destroy === 'function') input.destroy();
  });

  // Control-C drops the expression being typed; on an empty prompt, twice in a row, it exits.
  this.rli.on('SIGINT', function() {
    var empty = self.rli.line.length === 0 && self.bufferedCommand === '';
    self.rli._discardLine();
    if (empty) {
      if (self._sawSIGINT) {
        self._sawSIGINT = false;
        self.rli.close();
        return;
      }
      self.outputStream.write('(^C again to quit)\n');
      self._sawSIGINT = true;
    }
    self.bufferedCommand = '';
    self.displayPrompt();
  });

  this.displayPrompt();
}
util.inherits(REPLServer, EventEmitter);
exports.REPLServer = REPLServer;

// A fresh context: the global object's (enumerable) properties copied, plus module and
// require for the directory the REPL started in. With useGlobal, the global object itself.
REPLServer.prototype.createContext = function() {
  var context;
  if (this.useGlobal) {
    context = global;
    if (context.module === undefined) context.module = this._module;
    if (context.require === undefined) context.require = this._require;
  } else {
    context = vm.createContext();
    for (var name in global) context[name] = global[name];
    context.global = context;
    context.GLOBAL = context;
    context.root = context;
    context.module = this._module;
    context.require = this._require;
  }
  return context;
};

// As in v0.6.3, the REPLs of one process share one context (the first to need it makes it);
// .clear makes a fresh one, which REPLs started afterwards share. useGlobal REPLs use the global
// object instead.
var sharedContext = null;
REPLServer.prototype.resetContext = function(force) {
  if (this.useGlobal) {
    this.context = this.createContext();
  } else {
    if (sharedContext === null || force) sharedContext = this.createContext();
    this.context = sharedContext;
  }
  this.lines = [];
};

REPLServer.prototype.displayPrompt = function(preserveCursor) {
  this.rli.setPrompt(this.bufferedCommand.length ? '... ' : this.prompt);
  this.rli.prompt(preserveCursor);
};

// repl.defineCommand('name', fn) or ('name', { help: '...', action: fn }): `.name rest` calls
// action.call(repl, rest).
REPLServer.prototype.defineCommand = function(keyword, command) {
  if (typeof keyword !== 'string' || !/^\S+$/.test(keyword)) {
    throw new TypeError('repl: a command keyword must be a non-empty word');
  }
  if (typeof command === 'function') command = { action: command };
  if (!command || typeof command.action !== 'function') {
    throw new TypeError('repl: a command needs an action function');
  }
  this.commands['.' + keyword] = command;
};

// Runs `.keyword rest` if it is a command; false if there is no such command.
REPLServer.prototype.parseREPLKeyword = function(keyword, rest) {
  var command = this.commands['.' + keyword];
  if (!command) return false;
  command.action.call(this, rest);
  return true;
};

REPLServer.prototype._onLine = function(line) {
  if (this._evaluating) {
    this._queue.push(line);
    return;
  }
  this._sawSIGINT = false;
  var trimmed = line.trim();

  // `.word`: a command. Outside a multi-line expression an unknown one is an error; inside
  // one, the line may be code (a method chained on the previous line).
  var command = /^\.([^\s.\d][^\s]*)\s*([\s\S]*)$/.exec(trimmed);
  if (command) {
    if (this.parseREPLKeyword(command[1], command[2])) return;
    if (!this.bufferedCommand) {
      this.outputStream.write('Invalid REPL keyword\n');
      this.displayPrompt();
      return;
    }
  }

  // Every line typed (other than REPL commands) is what .save writes, as in v0.6.3: lines of an
  // expression that failed, or is still unfinished, included.
  this.lines.push(line);

  if (!trimmed && !this.bufferedCommand) {
    this.displayPrompt();
    return;
  }

  this.bufferedCommand += line + '\n';
  var code = this.bufferedCommand;
  var self = this;
  var done = false;
  this._evaluating = true;

  function finish(error, result) {
    if (done) return;
    done = true;
    self._evaluating = false;
    if (error && isIncomplete(error)) {
      self.displayPrompt();
      self._drain();
      return;
    }
    self.bufferedCommand = '';
    if (error) {
      self.outputStream.write(self._formatError(error) + '\n');
    } else {
      if (self.useGlobal) global._ = result;
      else self.context._ = result;
      if (!self.ignoreUndefined || result !== undefined) {
        self.outputStream.write(self._write(result) + '\n');
      }
    }
    self.displayPrompt();
    self._drain();
  }

  try {
    this.eval(code, this.context, 'repl', finish);
  } catch (e) {
    finish(e);
  }
};

REPLServer.prototype._drain = function() {
  if (this._draining) return;
  this._draining = true;
  try {
    while (!this._evaluating && this._queue.length > 0) this._onLine(this._queue.shift());
  } finally {
    this._draining = false;
  }
};

REPLServer.prototype._write = function(value) {
  if (this.writer) return this.writer(value);
  return exports.writer(value, false, 2, this.useColors);
};

// Compiles quietly (see the top of this file), then runs in the REPL's context. Code that
// starts with '{' and ends with '}' is taken as an object literal when it parses as one.
REPLServer.prototype._run = function(code, context, file) {
  if (context === undefined) context = this.context;
  file = file || 'repl';
  if (/^\s*\{/.test(code) && /\}\s*$/.test(code)) {
    var wrapped = '(' + code.replace(/\s*$/, '') + ')';
    try {
      contextify.compileFunction(wrapped, file, []);
      code = wrapped;
    } catch (e) {
      // A block after all.
    }
  }
  contextify.compileFunction(code, file, []);
  if (context === global) return vm.runInThisContext(code, file);
  return vm.runInContext(code, context, file);
};

// An error's stack up to the REPL's own code; a syntax error is its message alone.
REPLServer.prototype._formatError = function(error) {
  if (error === null || (typeof error !== 'object' && typeof error !== 'function')) {
    return String(error);
  }
  if (typeof error.stack !== 'string') return this._write(error);
  var lines = error.stack.split('\n');
  var last = -1;
  for (var i = 1; i < lines.length; i++) {
    if (/\brepl:\d+:\d+\)?$/.test(lines[i])) last = i;
  }
  if (last >= 0) return lines.slice(0, last + 1).join('\n');
  if (error.name === 'SyntaxError') return error.name + ': ' + error.message;
  return error.stack;
};

// Tab completion: REPL commands, then `a.b.partial` (properties of a.b, which is evaluated:
// only plain names joined by dots are), then names in the global scope and keywords.
REPLServer.prototype.complete = function(line, callback) {
  var self = this;
  var completions = [];
  var sub = '';

  if (!this.bufferedCommand && /^\s*\.[\w$]*$/.test(line)) {
    sub = line.trim();
    completions = Object.keys(this.commands).filter(function(name) {
      return name.indexOf(sub) === 0;
    }).sort();
    return callback(null, [completions, sub]);
  }

  var m = /(^|[^\w$.])((?:[A-Za-z_$][\w$]*\.)*)([A-Za-z_$][\w$]*)?$/.exec(line);
  if (!m) return callback(null, [[], line]);
  var expression = m[2].replace(/\.$/, '');
  var filter = m[3] || '';
  var names = [];
  if (expression) {
    var value;
    try {
      value = this._run(expression);
    } catch (e) {
      return callback(null, [[], m[2] + filter]);
    }
    names = propertyNames(value);
  } else {
    try {
      names = propertyNames(this.useGlobal ? global : this._run('this'));
    } catch (e) {
      names = [];
    }
    names = names.concat(Object.keys(this.context), kKeywords);
    // Inside an unfinished expression (a function body being typed), the names it has declared
    // so far complete too, as v0.6.3's completion saw them.
    if (this.bufferedCommand) names = names.concat(declaredNames(this.bufferedCommand));
  }
  var seen = Object.create(null);
  names.forEach(function(name) {
    if (seen[name] || name.indexOf(filter) !== 0 || !/^[A-Za-z_$][\w$]*$/.test(name)) return;
    seen[name] = true;
    completions.push(expression ? expression + '.' + name : name);
  });
  completions.sort();
  callback(null, [completions, m[2] + filter]);
};

var kKeywords = [
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do',
  'else', 'false', 'finally', 'for', 'function', 'if', 'in', 'instanceof', 'let', 'new', 'null',
  'return', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'undefined', 'var', 'void',
  'while', 'with'
];

// Own and inherited property names of a value (of its wrapper, for a primitive).
function propertyNames(value) {
  if (value === null || value === undefined) return [];
  var names = [];
  var object = Object(value);
  var depth = 0;
  while (object && depth++ < 32) {
    names = names.concat(Object.getOwnPropertyNames(object));
    object = Object.getPrototypeOf(object);
  }
  return names;
}

// The names that code declares: var/let/const bindings (each of a comma list), functions and
// their parameters, and catch parameters. A scan of the text, not a parse: the code is
// unfinished, and nothing of it is run to find out.
function declaredNames(code) {
  // Strings, template literals and comments declare nothing.
  code = code.replace(
      /\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g,
      function(token) { return token.charAt(0) === '/' ? ' ' : '""'; });
  var names = [];
  var ident = /^\s*([A-Za-z_$][\w$]*)/;
  var m;
  var declarations = /\b(?:var|let|const)\s+([^;\n]*)/g;
  while ((m = declarations.exec(code)) !== null) {
    // Split at the commas outside brackets: `var a = f(1, 2), b` declares a and b.
    var depth = 0;
    var start = 0;
    var text = m[1];
    for (var i = 0; i <= text.length; i++) {
      var c = text.charAt(i);
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') depth--;
      if ((c === ',' && depth === 0) || i === text.length) {
        var name = ident.exec(text.slice(start, i));
        if (name) names.push(name[1]);
        start = i + 1;
      }
    }
  }
  var functions = /\bfunction\b\s*([A-Za-z_$][\w$]*)?\s*\(([^)]*)\)/g;
  while ((m = functions.exec(code)) !== null) {
    if (m[1]) names.push(m[1]);
    m[2].split(',').forEach(function(param) {
      var name = ident.exec(param);
      if (name) names.push(name[1]);
    });
  }
  var catches = /\bcatch\s*\(\s*([A-Za-z_$][\w$]*)/g;
  while ((m = catches.exec(code)) !== null) names.push(m[1]);
  return names;
}

// The compiler ran out of input: the expression goes on over the next line.
function isIncomplete(error) {
  return !!error && typeof error === 'object' && error.name === 'SyntaxError' &&
         /^(Unexpected end of input|Unterminated template literal)/.test(error.message);
}

function defineDefaultCommands(repl) {
  repl.defineCommand('break', {
    help: 'Abandon the multi-line expression being typed',
    action: function() {
      this.bufferedCommand = '';
      this.displayPrompt();
    }
  });

  repl.defineCommand('clear', {
    help: 'Abandon the expression being typed and start a fresh context',
    action: function() {
      this.bufferedCommand = '';
      if (!this.useGlobal) {
        this.outputStream.write('Clearing context...\n');
        this.resetContext(true);
      }
      this.displayPrompt();
    }
  });

  repl.defineCommand('exit', {
    help: 'Leave the REPL (closes its stream)',
    action: function() {
      this.rli.close();
    }
  });

  repl.defineCommand('help', {
    help: 'Show these commands',
    action: function() {
      var commands = this.commands;
      var out = this.outputStream;
      Object.keys(commands).sort().forEach(function(name) {
        out.write(name + '\t' + (commands[name].help || '') + '\n');
      });
      this.displayPrompt();
    }
  });

  repl.defineCommand('save', {
    help: 'Write every line typed in this session to a file: .save file',
    action: function(file) {
      try {
        if (!file) throw new Error('no file name');
        fs.writeFileSync(file, this.lines.join('\n') + '\n');
        this.outputStream.write('Session saved to:' + file + '\n');
      } catch (e) {
        this.outputStream.write('Failed to save:' + file + '\n');
      }
      this.displayPrompt();
    }
  });

  repl.defineCommand('load', {
    help: 'Evaluate a file\'s lines in this session: .load file',
    action: function(file) {
      var text;
      try {
        if (!file || !fs.statSync(file).isFile()) throw new Error('not a file');
        text = fs.readFileSync(file, 'utf8');
      } catch (e) {
        this.outputStream.write('Failed to load:' + file + '\n');
        this.displayPrompt();
        return;
      }
      var lines = text.split('\n');
      if (lines[lines.length - 1] === '') lines.pop();
      this.bufferedCommand = '';
      for (var i = 0; i < lines.length; i++) this._onLine(lines[i]);
      if (lines.length === 0) this.displayPrompt();
    }
  });
}
