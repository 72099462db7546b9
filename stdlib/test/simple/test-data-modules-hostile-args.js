var common = require('../common');
var assert = require('assert');

var url = require('url');
var querystring = require('querystring');
var punycode = require('punycode');
var string_decoder = require('string_decoder');

// Every exported function of the pure-data modules, called with arguments no sane caller would
// pass, must either return or throw an Error. A thrown non-Error, a crash or a hang fails.

function hostileGetter(name) {
  return function() { throw new Error('hostile getter ' + String(name)); };
}

// An object whose every interesting property throws when read.
var throwingGetters = {};
['href', 'protocol', 'slashes', 'auth', 'host', 'hostname', 'port', 'pathname', 'search',
 'query', 'hash', 'path', 'length', 'maxKeys', 'toString', 'valueOf', 'toJSON', 'constructor',
 '0'].forEach(function(name) {
  Object.defineProperty(throwingGetters, name, { get: hostileGetter(name), enumerable: true });
});

// An object that throws on any conversion to a primitive.
var throwingToString = {
  toString: function() { throw new Error('hostile toString'); },
  valueOf: function() { throw new Error('hostile valueOf'); }
};

var hostileValues = [
  undefined,
  null,
  -1,
  Math.pow(2, 53),
  NaN,
  Infinity,
  0,
  true,
  '',
  {},
  throwingGetters,
  throwingToString,
  [],
  ['a', 'b'],
  [throwingToString, null, {}],
  new Array(5),
  function() {},
  Object.create(null),
  /regexp/g,
  new Date(0)
];

var names = [
  'undefined', 'null', '-1', '2**53', 'NaN', 'Infinity', '0', 'true', "''", '{}',
  'throwing getters', 'throwing toString', '[]', "['a','b']", '[hostile,...]',
  'sparse array', 'function', 'null-prototype object', 'regexp', 'date'
];

// A function whose properties throw when read.
var throwingFunction = function() {};
Object.defineProperty(throwingFunction, 'href', { get: hostileGetter('href') });
Object.defineProperty(throwingFunction, 'length', { get: hostileGetter('length') });
hostileValues.push(throwingFunction);
names.push('function with throwing getters');

// An array with an element that throws when read.
var throwingArray = ['a'];
Object.defineProperty(throwingArray, '1', { get: hostileGetter('1'), enumerable: true });
hostileValues.push(throwingArray);
names.push('array with a throwing element');

if (typeof Proxy === 'function') {
  hostileValues.push(new Proxy({}, {
    get: function(target, key) { throw new Error('hostile proxy get ' + String(key)); },
    has: function() { throw new Error('hostile proxy has'); },
    ownKeys: function() { throw new Error('hostile proxy ownKeys'); },
    getOwnPropertyDescriptor: function() { throw new Error('hostile proxy descriptor'); },
    getPrototypeOf: function() { throw new Error('hostile proxy getPrototypeOf'); }
  }));
  names.push('proxy that throws on everything');
}

// Megabyte strings: plain, and full of the characters each parser cares about.
var megabyte = 1024 * 1024;
function repeat(s, length) {
  var out = s;
  while (out.length < length) out += out;
  return out.slice(0, length);
}
hostileValues.push(repeat('a', megabyte));
names.push('1 MB of a');
hostileValues.push(repeat('http://u:p@h.\u00e9x:8/%zz%C3?q=1&q=%E2%82#@\'"<> ', megabyte));
names.push('1 MB of URL punctuation');
hostileValues.push('http://' + repeat('\u00e9.', megabyte) + '/');
names.push('1 MB host name');
hostileValues.push(repeat('\ud800', 1000) + repeat('xn--', 1000));
names.push('lone surrogates');

// Typical good arguments, so that the hostile one is checked in each position.
var typical = ['http://user@example.com:80/a/b?c=d#e', 'x=1&y=2', 'xn--maana-pta', 'utf8'];

var calls = 0;
var thrown = 0;

function check(label, fn, thisArg, args) {
  calls++;
  try {
    fn.apply(thisArg, args);
  } catch (e) {
    thrown++;
    assert.ok(e instanceof Error, label + ' threw a non-Error: ' + typeof e);
    // A stack overflow would mean runaway recursion, not a clean rejection.
    assert.ok(!/call stack/i.test(e.message), label + ' overflowed the stack');
  }
}

function hammer(moduleName, functionName, fn, thisArg) {
  hostileValues.forEach(function(value, v) {
    for (var position = 0; position < 4; position++) {
      var args = typical.slice();
      args[position] = value;
      check(moduleName + '.' + functionName + '(' + names[v] + ' at ' + position + ')',
            fn, thisArg, args);
    }
    check(moduleName + '.' + functionName + '(' + names[v] + ' alone)', fn, thisArg, [value]);
    check(moduleName + '.' + functionName + '(' + names[v] + ' everywhere)', fn, thisArg,
          [value, value, value, value]);
  });
  check(moduleName + '.' + functionName + '()', fn, thisArg, []);
}

// Every function reachable from the module's exports, including nested objects.
function hammerExports(moduleName, exported, seen) {
  seen = seen || [];
  if (seen.indexOf(exported) !== -1) return;
  seen.push(exported);
  Object.keys(exported).forEach(function(key) {
    var value = exported[key];
    if (typeof value === 'function') {
      hammer(moduleName, key, value, exported);
    } else if (value !== null && typeof value === 'object') {
      hammerExports(moduleName + '.' + key, value, seen);
    }
  });
}

hammerExports('url', url);
hammerExports('querystring', querystring);
hammerExports('punycode', punycode);
hammerExports('string_decoder', string_decoder);

// The decoder's methods, on decoders of each kind.
var StringDecoder = string_decoder.StringDecoder;
hostileValues.forEach(function(value, v) {
  check('new StringDecoder(' + names[v] + ')', function() {
    return new StringDecoder(value);
  }, null, []);
});
[undefined, 'utf8', 'ucs2', 'base64', 'hex', 'binary'].forEach(function(encoding) {
  ['write', 'end'].forEach(function(method) {
    var decoder = new StringDecoder(encoding);
    hammer('StringDecoder(' + encoding + ')', method, decoder[method], decoder);
    // The decoder still works after all that (given a Buffer to feed it).
    if (typeof Buffer === 'function') {
      assert.strictEqual(typeof decoder.write(new Buffer([0x41, 0x42, 0x43])), 'string');
    }
  });
});

// The modules still work after the abuse.
assert.strictEqual(url.parse('http://example.com/x').pathname, '/x');
assert.strictEqual(url.resolve('http://a/b/c', '../d'), 'http://a/d');
assert.deepEqual(querystring.parse('a=1&a=2'), { a: ['1', '2'] });
assert.strictEqual(querystring.stringify({ a: 1 }), 'a=1');
assert.strictEqual(punycode.toASCII('ma\u00f1ana.com'), 'xn--maana-pta.com');
if (typeof Buffer === 'function') {
  assert.strictEqual(new StringDecoder('utf8').write(new Buffer([0xC3, 0xA9])), '\u00e9');
}

assert.ok(calls > 1000, 'made ' + calls + ' calls');
assert.ok(thrown > 0 && thrown < calls, thrown + ' of ' + calls + ' calls threw');

// And the process itself carries on to run more work.
setTimeout(common.mustCall(function() {}), 1);
