// The path module, POSIX flavour: string manipulation of '/'-separated paths. Only exists()
// and existsSync() look at the file system.

function assertPath(p, what) {
  if (typeof p !== 'string') {
    throw new TypeError('Argument to path.' + what + ' must be a string');
  }
}

// dirname, basename and extname take any value as its string, as v0.6.3's did (they matched a
// regular expression against it): basename(undefined) is 'undefined'. Code of the time calls
// them on missing arguments (api-easy 0.3's uploadFile() with none). normalize() refuses, as
// v0.6.3's threw too.
function asPath(p) {
  return typeof p === 'string' ? p : String(p);
}

// Resolves '.' and '..' in a list of non-empty path segments. A relative path may climb above
// its start, so its leading '..' segments are kept; an absolute path cannot climb above the
// root, so they are dropped.
function normalizeSegments(segments, allowAboveRoot) {
  var out = [];
  for (var i = 0; i < segments.length; i++) {
    var seg = segments[i];
    if (seg === '.') continue;
    if (seg === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') {
        out.pop();
      } else if (allowAboveRoot) {
        out.push('..');
      }
      continue;
    }
    out.push(seg);
  }
  return out;
}

function nonEmptySegments(p) {
  return p.split('/').filter(function(seg) {
    return seg !== '';
  });
}

exports.normalize = function(p) {
  assertPath(p, 'normalize');
  var isAbsolute = p.charAt(0) === '/';
  var trailingSlash = p.charAt(p.length - 1) === '/';

  var result = normalizeSegments(nonEmptySegments(p), !isAbsolute).join('/');
  if (!result && !isAbsolute) result = '.';
  if (result && trailingSlash) result += '/';
  return (isAbsolute ? '/' : '') + result;
};

// Non-string (and empty) arguments are skipped, as the v0.6 documentation says.
exports.join = function() {
  var parts = Array.prototype.filter.call(arguments, function(p) {
    return typeof p === 'string' && p !== '';
  });
  return exports.normalize(parts.join('/'));
};

// Works from the last argument back until an absolute path has been assembled, like a
// sequence of `cd` commands, falling back on the working directory. Non-string arguments are
// skipped.
exports.resolve = function() {
  var resolved = '';
  var absolute = false;

  for (var i = arguments.length - 1; i >= -1 && !absolute; i--) {
    var p = i >= 0 ? arguments[i] : process.cwd();
    if (typeof p !== 'string' || p === '') continue;
    resolved = p + '/' + resolved;
    absolute = p.charAt(0) === '/';
  }

  // Normally the working directory makes the result absolute. If even that was not absolute,
  // the result stays relative rather than gaining an invented root.
  resolved = normalizeSegments(nonEmptySegments(resolved), !absolute).join('/');
  return ((absolute ? '/' : '') + resolved) || '.';
};

exports.relative = function(from, to) {
  var fromParts = nonEmptySegments(exports.resolve(from));
  var toParts = nonEmptySegments(exports.resolve(to));

  var common = 0;
  var max = Math.min(fromParts.length, toParts.length);
  while (common < max && fromParts[common] === toParts[common]) common++;

  var out = [];
  for (var i = common; i < fromParts.length; i++) out.push('..');
  return out.concat(toParts.slice(common)).join('/');
};

// Drops trailing slashes, but never the slash that is the root.
function stripTrailingSlashes(p) {
  var end = p.length;
  while (end > 1 && p.charAt(end - 1) === '/') end--;
  return p.slice(0, end);
}

exports.dirname = function(p) {
  p = asPath(p);
  if (p === '') return '.';
  p = stripTrailingSlashes(p);
  var slash = p.lastIndexOf('/');
  if (slash < 0) return '.';
  if (slash === 0) return '/';
  return p.slice(0, slash);
};

exports.basename = function(p, ext) {
  p = asPath(p);
  if (ext && typeof ext !== 'string') {
    throw new TypeError('The "ext" argument to path.basename must be a string');
  }
  p = stripTrailingSlashes(p);
  var base = p.slice(p.lastIndexOf('/') + 1);
  if (ext && base.length >= ext.length && base.slice(base.length - ext.length) === ext) {
    base = base.slice(0, base.length - ext.length);
  }
  return base;
};

// From the last '.' of the last portion; '' when there is none or the portion starts with it
// (so dotfiles like '.profile' have no extension), and '' for '..'.
exports.extname = function(p) {
  p = asPath(p);
  var base = exports.basename(p);
  if (base === '..') return '';
  var dot = base.lastIndexOf('.');
  if (dot <= 0) return '';
  return base.slice(dot);
};

// fs is required only when called: fs itself depends on path.
exports.exists = function(p, callback) {
  require('fs').stat(p, function(err) {
    if (callback) callback(err ? false : true);
  });
};

exports.existsSync = function(p) {
  try {
    require('fs').statSync(p);
    return true;
  } catch (e) {
    return false;
  }
};

// v0.6's fs passes every path through this hook, which lengthens paths on Windows only.
exports._makeLong = function(p) {
  return p;
};
