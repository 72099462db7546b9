// Every crypto export and every method of the native binding, called with junk in each argument
// position, with wrong receivers and without `new`: each call either works or throws an Error;
// the process survives.
var common = require('../common');
var assert = require('assert');
var crypto = require('crypto');
var fs = require('fs');
var path = require('path');

var key = fs.readFileSync(path.join(common.fixturesDir, 'keys', 'rsa_private.pem'), 'utf8');
var cert = fs.readFileSync(path.join(common.fixturesDir, 'keys', 'rsa_cert.pem'), 'utf8');

var throwing = { toString: function() { throw new Error('toString'); },
                 valueOf: function() { throw new Error('valueOf'); } };
// No number here makes real work (a DH prime of 512+ bits, a gigabyte, 2^31 iterations).
var junk = [undefined, null, 0, -1, 1.5, NaN, Infinity, -Infinity, Math.pow(2, 32),
            Math.pow(2, 53), '', 'x', 'hex', '\u0000', '\ud800', {}, [], [1, 2], true,
            function() {}, throwing, new Buffer(0), new Buffer(3), new Uint16Array(3),
            new DataView(new ArrayBuffer(2)), /re/, new Date(0), Symbol('s')];

var calls = 0;
function attempt(fn) {
  calls++;
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof Error, 'threw a non-Error: ' + String(e));
  }
}

// Valid arguments for each export; each position is replaced by each junk value in turn.
var noop = function() {};
var exportsArgs = {
  createHash: ['sha1'],
  Hash: ['sha1'],
  createHmac: ['sha1', 'key'],
  Hmac: ['sha1', 'key'],
  createCipher: ['aes-128-cbc', 'password'],
  Cipher: ['aes-128-cbc', 'password'],
  createDecipher: ['aes-128-cbc', 'password'],
  Decipher: ['aes-128-cbc', 'password'],
  createCipheriv: ['aes-128-cbc', new Buffer(16), new Buffer(16)],
  Cipheriv: ['aes-128-cbc', new Buffer(16), new Buffer(16)],
  createDecipheriv: ['aes-128-cbc', new Buffer(16), new Buffer(16)],
  Decipheriv: ['aes-128-cbc', new Buffer(16), new Buffer(16)],
  createSign: ['RSA-SHA256'],
  Sign: ['RSA-SHA256'],
  createVerify: ['RSA-SHA256'],
  Verify: ['RSA-SHA256'],
  createDiffieHellman: [new Buffer('17', 'hex')],
  DiffieHellman: [new Buffer('17', 'hex')],
  pbkdf2: ['password', 'salt', 1, 8, noop],
  randomBytes: [8, noop],
  pseudoRandomBytes: [8, noop],
  rng: [8, noop],
  prng: [8, noop],
  createCredentials: [{}],
  Credentials: []
};
Object.keys(crypto).forEach(function(name) {
  assert.ok(name in exportsArgs, 'no hostile arguments for crypto.' + name);
});
Object.keys(exportsArgs).forEach(function(name) {
  var valid = exportsArgs[name];
  var width = Math.max(valid.length, 3);
  for (var position = 0; position < width; position++) {
    junk.forEach(function(value) {
      var args = valid.slice();
      args[position] = value;
      attempt(function() { crypto[name].apply(null, args); });
      attempt(function() { crypto[name].apply(value, args); });
    });
  }
});

// Methods of the objects, on live objects and on used-up ones.
function objects() {
  var dh = crypto.createDiffieHellman(new Buffer('17', 'hex'));
  return {
    hash: crypto.createHash('sha1'),
    hmac: crypto.createHmac('sha1', 'k'),
    cipher: crypto.createCipher('aes-128-cbc', 'p'),
    decipher: crypto.createDecipheriv('aes-128-cbc', new Buffer(16), new Buffer(16)),
    sign: crypto.createSign('RSA-SHA256'),
    verify: crypto.createVerify('RSA-SHA256'),
    dh: dh
  };
}
var methodArgs = {
  update: ['data', 'utf8', 'hex'], digest: ['hex'], final: ['hex'], sign: [key, 'hex'],
  verify: [cert, 'sig', 'hex'], generateKeys: ['hex'], computeSecret: ['02', 'hex', 'hex'],
  getPrime: ['hex'], getGenerator: ['hex'], getPublicKey: ['hex'], getPrivateKey: ['hex'],
  setPublicKey: ['02', 'hex'], setPrivateKey: ['02', 'hex']
};
junk.forEach(function(value) {
  for (var position = 0; position < 3; position++) {
    var live = objects();
    Object.keys(live).forEach(function(kind) {
      var object = live[kind];
      for (var method in object) {
        if (typeof object[method] !== 'function' || method[0] === '_') continue;
        assert.ok(method in methodArgs, 'no hostile arguments for ' + kind + '.' + method);
        var args = methodArgs[method].slice();
        args[position] = value;
        attempt(function() { object[method].apply(object, args); });
        attempt(function() { object[method].apply(value, args); });
      }
    });
  }
});

// The native binding directly: constructors with junk, without new, methods on junk receivers.
var binding = process.binding('crypto');
Object.keys(binding).forEach(function(name) {
  var fn = binding[name];
  assert.strictEqual(typeof fn, 'function');
  junk.forEach(function(a) {
    junk.forEach(function(b) {
      // pbkdf2/randomBytes with a callback may start (small) work: fine, it ends by itself.
      attempt(function() { fn(a, b, a, b, noop); });
      attempt(function() { new fn(a, b, a); });
    });
  });
  if (!fn.prototype) return;
  Object.getOwnPropertyNames(fn.prototype).forEach(function(method) {
    if (method === 'constructor') return;
    junk.forEach(function(value) {
      attempt(function() { fn.prototype[method].call(value, value, value); });
      attempt(function() { fn.prototype[method].call(fn.prototype, value); });
    });
    assert.throws(function() { fn.prototype[method].call({}); }, TypeError);
  });
});
// Objects made by each native constructor, called with junk (DH with a tiny prime so junk
// keys hit every check).
var natives = [
  new binding.Hash('md5'), new binding.Hmac('md5', new Buffer(1)), new binding.Sign('sha1'),
  new binding.Verify('sha1'), new binding.CipherBase(true), new binding.CipherBase(false),
  new binding.DiffieHellman(new Buffer([23])), new binding.SecureContext()
];
var initialised = new binding.SecureContext();
initialised.init();
natives.push(initialised);
var ready = new binding.CipherBase(true);
ready.initiv('aes-128-cbc', new Buffer(16), new Buffer(16));
natives.push(ready);
natives.forEach(function(object) {
  var proto = Object.getPrototypeOf(object);
  Object.getOwnPropertyNames(proto).forEach(function(method) {
    if (method === 'constructor') return;
    junk.forEach(function(a) {
      attempt(function() { object[method](a); });
      attempt(function() { object[method](a, a, a); });
      attempt(function() { object[method](new Buffer(4), a, a); });
      attempt(function() { object[method]('aes-128-cbc', a, new Buffer(16)); });
      attempt(function() { object[method]('aes-128-cbc', new Buffer(16), a); });
    });
  });
});
// Subclasses whose constructor never ran the native one cannot reach native state.
class Sub extends binding.Hash {
  constructor() { try { super(42); } catch (e) { return Object.create(binding.Hash.prototype); } }
}
var sub = new Sub();
assert.throws(function() { binding.Hash.prototype.digest.call(sub); }, TypeError);

assert.ok(calls > 10000, 'only ' + calls + ' calls');
// Still working afterwards.
assert.strictEqual(crypto.createHash('md5').update('abc').digest('hex'),
                   '900150983cd24fb0d6963f7d28e17f72');
