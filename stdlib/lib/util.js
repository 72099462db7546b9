// The util module: string formatting, object inspection, type checks and small helpers.
//
// Output formats follow Node v0.6, whose inspect() output is what scripts and tests of that
// era compare against; where v0.6 could not cope with something (values V8 10 has and V8 3
// did not, such as symbols), the behaviour of later Node is used instead.

var formatRegExp = /%[sdj%]/g;

// JSON.stringify throws on cycles; a format string should still produce something readable.
function safeJSON(value) {
  try {
    return String(JSON.stringify(value));
  } catch (err) {
    if (err instanceof TypeError && /circular/i.test(err.message)) return '[Circular]';
    throw err;
  }
}

exports.format = function(f) {
  var i;
  if (typeof f !== 'string') {
    var pieces = [];
    for (i = 0; i < arguments.length; i++) pieces.push(inspect(arguments[i]));
    return pieces.join(' ');
  }

  var args = arguments;
  var len = args.length;
  i = 1;
  var str = f.replace(formatRegExp, function(token) {
    // '%%' never consumes an argument, so it is a percent sign even when arguments ran out.
    if (token === '%%') return '%';
    if (i >= len) return token;
    switch (token) {
      case '%s': return String(args[i++]);
      case '%d': return String(Number(args[i++]));
      case '%j': return safeJSON(args[i++]);
    }
    return token;
  });

  // Extra arguments: objects go through inspect(), everything else is converted as a string,
  // which is how v0.6 joined them (so strings are not quoted).
  for (; i < len; i++) {
    var x = args[i];
    if (x === null || typeof x !== 'object') {
      str += ' ' + String(x);
    } else {
      str += ' ' + inspect(x);
    }
  }
  return str;
};


// Writes go through the console so that they are synchronous on whatever stderr the runtime has;
// '%s' keeps any percent signs in the text from being read as placeholders.
exports.debug = function(x) {
  console.error('%s', 'DEBUG: ' + x);
};

exports.error = function() {
  for (var i = 0; i < arguments.length; i++) {
    console.error('%s', String(arguments[i]));
  }
};

exports.puts = function() {
  process.stdout.write(Array.prototype.join.call(arguments, '\n') + '\n');
};

exports.print = function() {
  for (var i = 0; i < arguments.length; i++) {
    process.stdout.write(String(arguments[i]));
  }
};


var months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun',
              'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function pad2(n) {
  return n < 10 ? '0' + n : String(n);
}

// For example '26 Feb 16:19:34', in local time; the day of the month is not padded.
function timestamp() {
  var d = new Date();
  var time = [pad2(d.getHours()), pad2(d.getMinutes()), pad2(d.getSeconds())].join(':');
  return [d.getDate(), months[d.getMonth()], time].join(' ');
}

exports.log = function(msg) {
  exports.puts(timestamp() + ' - ' + String(msg));
};


// ANSI codes for colored inspect() output: [start, end] pairs.
var colorCodes = {
  bold: [1, 22],
  italic: [3, 23],
  underline: [4, 24],
  inverse: [7, 27],
  white: [37, 39],
  grey: [90, 39],
  black: [30, 39],
  blue: [34, 39],
  cyan: [36, 39],
  green: [32, 39],
  magenta: [35, 39],
  red: [31, 39],
  yellow: [33, 39]
};

// Which color each kind of token gets. Property names are deliberately left plain.
var styleColors = {
  special: 'cyan',
  number: 'yellow',
  boolean: 'yellow',
  undefined: 'grey',
  null: 'bold',
  string: 'green',
  symbol: 'green',
  date: 'magenta',
  regexp: 'red'
};

function stylizeWithColor(str, styleType) {
  var color = styleColors[styleType];
  if (!color) return str;
  var codes = colorCodes[color];
  return '\u001b[' + codes[0] + 'm' + str + '\u001b[' + codes[1] + 'm';
}

function stylizeNoColor(str) {
  return str;
}

// inspect(obj, [showHidden], [depth], [colors]) as documented for v0.6, and also the later
// inspect(obj, { showHidden, depth, colors, customInspect }) form.
function inspect(obj, showHidden, depth, colors) {
  var ctx = {
    showHidden: false,
    depth: 2,
    colors: false,
    customInspect: true,
    seen: []
  };

  if (showHidden !== null && typeof showHidden === 'object') {
    var opts = showHidden;
    if (opts.showHidden !== undefined) ctx.showHidden = !!opts.showHidden;
    if (opts.depth !== undefined) ctx.depth = opts.depth;
    if (opts.colors !== undefined) ctx.colors = !!opts.colors;
    if (opts.customInspect !== undefined) ctx.customInspect = !!opts.customInspect;
  } else {
    ctx.showHidden = !!showHidden;
    // null means "no limit"; undefined means "the default".
    if (depth !== undefined) ctx.depth = depth;
    ctx.colors = !!colors;
  }

  ctx.stylize = ctx.colors ? stylizeWithColor : stylizeNoColor;
  return formatValue(ctx, obj, ctx.depth);
}
exports.inspect = inspect;


function objectToString(o) {
  return Object.prototype.toString.call(o);
}

function isArray(ar) {
  return Array.isArray(ar);
}
exports.isArray = isArray;

function isRegExp(re) {
  return re !== null && typeof re === 'object' && objectToString(re) === '[object RegExp]';
}
exports.isRegExp = isRegExp;

function isDate(d) {
  return d !== null && typeof d === 'object' && objectToString(d) === '[object Date]';
}
exports.isDate = isDate;

// As in v0.6.3, only what Object.prototype.toString calls an Error: an object that merely
// inherits from Error.prototype is not one.
function isError(e) {
  return e !== null && typeof e === 'object' && objectToString(e) === '[object Error]';
}
exports.isError = isError;


function formatValue(ctx, value, recurseTimes) {
  // Objects may describe themselves with an inspect() method (Buffers do). The util module's
  // own inspect is not such a method, and neither is one found on a prototype object, which
  // is what is being looked at when the constructor's prototype is the value itself.
  if (ctx.customInspect && value &&
      (typeof value === 'object' || typeof value === 'function') &&
      typeof value.inspect === 'function' &&
      value.inspect !== inspect &&
      !(value.constructor && value.constructor.prototype === value)) {
    // Later Node also passes the options; a copy keeps the caller away from internal state.
    var custom = value.inspect(recurseTimes, {
      showHidden: ctx.showHidden,
      depth: recurseTimes,
      colors: ctx.colors,
      customInspect: ctx.customInspect
    });
    if (typeof custom !== 'string') custom = formatValue(ctx, custom, recurseTimes);
    return custom;
  }

  var primitive = formatPrimitive(ctx, value);
  if (primitive !== undefined) return primitive;

  var visibleKeys = Object.keys(value);
  var keys = ctx.showHidden ? Object.getOwnPropertyNames(value) : visibleKeys;

  // Values with nothing but their own identity print as just that identity.
  if (keys.length === 0) {
    if (typeof value === 'function') {
      return ctx.stylize('[Function' + functionName(value) + ']', 'special');
    }
    if (isRegExp(value)) {
      return ctx.stylize(RegExp.prototype.toString.call(value), 'regexp');
    }
    if (isDate(value)) {
      return ctx.stylize(Date.prototype.toUTCString.call(value), 'date');
    }
    if (isError(value)) {
      return formatError(value);
    }
  }

  var base = '';
  var array = isArray(value);
  var braces = array ? ['[', ']'] : ['{', '}'];

  // Objects that also have properties say what they are before listing them.
  if (typeof value === 'function') {
    base = ' [Function' + functionName(value) + ']';
  } else if (isRegExp(value)) {
    base = ' ' + RegExp.prototype.toString.call(value);
  } else if (isDate(value)) {
    base = ' ' + Date.prototype.toUTCString.call(value);
  } else if (isError(value)) {
    base = ' ' + formatError(value);
  }

  if (keys.length === 0 && (!array || value.length === 0)) {
    return braces[0] + base + braces[1];
  }

  if (recurseTimes !== null && recurseTimes < 0) {
    // v0.6 printed '[Object]' for any non-empty object past the depth limit, arrays included.
    if (isRegExp(value)) {
      return ctx.stylize(RegExp.prototype.toString.call(value), 'regexp');
    }
    return ctx.stylize('[Object]', 'special');
  }

  ctx.seen.push(value);
  var output;
  if (array) {
    output = formatArray(ctx, value, recurseTimes, visibleKeys, keys);
  } else {
    output = keys.map(function(key) {
      return formatProperty(ctx, value, recurseTimes, visibleKeys, key, false);
    });
  }
  ctx.seen.pop();

  return reduceToSingleString(output, base, braces);
}

function functionName(fn) {
  var name;
  try {
    name = fn.name;
  } catch (e) {
    name = '';
  }
  return typeof name === 'string' && name ? ': ' + name : '';
}

function formatPrimitive(ctx, value) {
  switch (typeof value) {
    case 'undefined':
      return ctx.stylize('undefined', 'undefined');
    case 'string':
      // Single-quoted, with JSON's escapes for control characters.
      var quoted = '\'' + JSON.stringify(value).replace(/^"|"$/g, '')
                                               .replace(/'/g, "\\'")
                                               .replace(/\\"/g, '"') + '\'';
      return ctx.stylize(quoted, 'string');
    case 'number':
      return ctx.stylize('' + value, 'number');
    case 'boolean':
      return ctx.stylize('' + value, 'boolean');
    case 'symbol':
      return ctx.stylize(String(value), 'symbol');
    case 'bigint':
      return ctx.stylize(String(value) + 'n', 'number');
  }
  if (value === null) return ctx.stylize('null', 'null');
  return undefined;
}

function formatError(value) {
  return '[' + Error.prototype.toString.call(value) + ']';
}

function formatArray(ctx, value, recurseTimes, visibleKeys, keys) {
  var output = [];
  for (var i = 0; i < value.length; i++) {
    if (Object.prototype.hasOwnProperty.call(value, String(i))) {
      output.push(formatProperty(ctx, value, recurseTimes, visibleKeys, String(i), true));
    } else {
      // A hole in a sparse array shows as an empty slot.
      output.push('');
    }
  }
  keys.forEach(function(key) {
    if (!/^\d+$/.test(key)) {
      output.push(formatProperty(ctx, value, recurseTimes, visibleKeys, key, true));
    }
  });
  return output;
}

function formatProperty(ctx, value, recurseTimes, visibleKeys, key, array) {
  var name, str;
  var desc = Object.getOwnPropertyDescriptor(value, key) || { value: value[key] };

  // Accessors are never invoked: calling them could have side effects.
  if (desc.get) {
    str = ctx.stylize(desc.set ? '[Getter/Setter]' : '[Getter]', 'special');
  } else if (desc.set) {
    str = ctx.stylize('[Setter]', 'special');
  }

  if (visibleKeys.indexOf(key) < 0) {
    name = '[' + key + ']';
  }

  if (!str) {
    if (ctx.seen.indexOf(desc.value) < 0) {
      str = formatValue(ctx, desc.value, recurseTimes === null ? null : recurseTimes - 1);
      if (str.indexOf('\n') > -1) {
        // A nested multi-line value is indented under its parent: array elements continue
        // on their own line, object properties start the value on the next line.
        if (array) {
          str = str.split('\n').map(function(line) {
            return '  ' + line;
          }).join('\n').substr(2);
        } else {
          str = '\n' + str.split('\n').map(function(line) {
            return '   ' + line;
          }).join('\n');
        }
      }
    } else {
      str = ctx.stylize('[Circular]', 'special');
    }
  }

  if (name === undefined) {
    if (array && /^\d+$/.test(key)) return str;
    if (/^[a-zA-Z_][a-zA-Z_0-9]*$/.test(key)) {
      name = ctx.stylize(key, 'name');
    } else {
      name = JSON.stringify(String(key)).replace(/'/g, "\\'")
                                         .replace(/\\"/g, '"')
                                         .replace(/^"|"$/g, '\'');
      name = ctx.stylize(name, 'string');
    }
  }

  return name + ': ' + str;
}

// Entries go on one line unless together (each plus one for its separator) they exceed 60
// characters, v0.6.3's limit, in which case each goes on its own line.
function reduceToSingleString(output, base, braces) {
  var length = output.reduce(function(sum, entry) {
    return sum + entry.replace(/\u001b\[\d\d?m/g, '').length + 1;
  }, 0);

  if (length > 60) {
    return braces[0] +
           (base === '' ? '' : base + '\n ') +
           ' ' +
           output.join(',\n  ') +
           ' ' +
           braces[1];
  }

  return braces[0] + base + ' ' + output.join(', ') + ' ' + braces[1];
}


// util.deprecate(fn, msg) (from node 0.8 on, used by packages published since): fn, printing
// msg to stderr the first time it is called, unless process.noDeprecation is set;
// process.throwDeprecation makes that call throw instead.
exports.deprecate = function(fn, msg) {
  if (typeof fn !== 'function') throw new TypeError('deprecate: fn must be a function');
  var warned = false;
  function deprecated() {
    if (!warned && !process.noDeprecation) {
      warned = true;
      if (process.throwDeprecation) throw new Error(msg);
      console.error(String(msg));
    }
    return fn.apply(this, arguments);
  }
  return deprecated;
};

exports.inherits = function(ctor, superCtor) {
  if (typeof ctor !== 'function') {
    throw new TypeError('The constructor to "inherits" must be a function');
  }
  if (typeof superCtor !== 'function') {
    throw new TypeError('The super constructor to "inherits" must be a function');
  }
  if (superCtor.prototype === undefined) {
    throw new TypeError('The super constructor to "inherits" must have a prototype');
  }
  ctor.super_ = superCtor;
  ctor.prototype = Object.create(superCtor.prototype, {
    constructor: {
      value: ctor,
      enumerable: false,
      writable: true,
      configurable: true
    }
  });
};


// Copies the own enumerable properties of `add` onto `origin`. Not v0.6 API; later 0.x
// versions had it and modules written for them use it.
exports._extend = function(origin, add) {
  if (!add || typeof add !== 'object') return origin;
  var keys = Object.keys(add);
  for (var i = 0; i < keys.length; i++) origin[keys[i]] = add[keys[i]];
  return origin;
};


exports.pump = function(readStream, writeStream, callback) {
  var callbackCalled = false;

  // The callback runs at most once, for whichever of close or error comes first.
  function done(err) {
    if (callback && !callbackCalled) {
      callbackCalled = true;
      callback(err);
    }
  }

  readStream.addListener('data', function(chunk) {
    if (writeStream.write(chunk) === false) readStream.pause();
  });

  writeStream.addListener('drain', function() {
    readStream.resume();
  });

  readStream.addListener('end', function() {
    writeStream.end();
  });

  readStream.addListener('close', function() {
    done();
  });

  readStream.addListener('error', function(err) {
    writeStream.end();
    done(err);
  });

  writeStream.addListener('error', function(err) {
    readStream.destroy();
    done(err);
  });
};
