// The crypto module: hashes, HMAC, ciphers, signatures, Diffie-Hellman, PBKDF2, random bytes and
// the credentials (a SecureContext) a TLS connection is made with, over OpenSSL 3 through
// process.binding('crypto') (runtime/bindings/crypto*.cc).
//
// The binding deals in bytes only; the string encodings are done here with Buffer. As in v0.6,
// strings given without an encoding are 'binary' (one byte per character), and results asked
// for without an encoding come back as 'binary' strings. 'hex' and 'base64' (and any other
// Buffer encoding, such as 'utf8') may be named; 'buffer' returns the bytes as a Buffer.
'use strict';

var binding = process.binding('crypto');
var Buffer = require('buffer').Buffer;
var StringDecoder = require('string_decoder').StringDecoder;

// ---- Encodings ---------------------------------------------------------------------------------

var encodings = {
  binary: 'binary', latin1: 'binary', raw: 'binary',
  hex: 'hex', base64: 'base64', ascii: 'ascii',
  utf8: 'utf8', 'utf-8': 'utf8',
  ucs2: 'ucs2', 'ucs-2': 'ucs2', utf16le: 'ucs2', 'utf-16le': 'ucs2',
  buffer: 'buffer'
};

// An encoding argument in its canonical spelling; undefined and null mean 'binary'.
function normalizeEncoding(encoding, forInput) {
  if (encoding === undefined || encoding === null) return 'binary';
  var name = typeof encoding === 'string' ? encodings[encoding.toLowerCase()] : undefined;
  if (name === undefined || (forInput && name === 'buffer')) {
    throw new TypeError('Unknown encoding: ' + encoding);
  }
  return name;
}

// Data from the caller as bytes: a string in `encoding`, or a Buffer (any typed array view).
function toBytes(data, encoding, what) {
  if (typeof data === 'string') return new Buffer(data, normalizeEncoding(encoding, true));
  if (ArrayBuffer.isView(data)) return data;
  throw new TypeError((what || 'data') + ' must be a string or a Buffer');
}

// Bytes from the binding (a plain Uint8Array) made into a Buffer without copying.
function asBuffer(bytes) {
  Object.setPrototypeOf(bytes, Buffer.prototype);
  return bytes;
}

// Bytes from the binding in the (already normalized) encoding.
function encode(bytes, encoding) {
  asBuffer(bytes);
  return encoding === 'buffer' ? bytes : bytes.toString(encoding);
}

// A PEM key or certificate: a string (read as UTF-8) or a Buffer.
function pemBytes(value, what) {
  if (typeof value === 'string') return new Buffer(value, 'utf8');
  if (ArrayBuffer.isView(value)) return value;
  throw new TypeError(what + ' must be a PEM string or a Buffer');
}

// ---- Hash and Hmac -----------------------------------------------------------------------------

// The algorithm names the binding accepted (checkDigest; for HMAC, a first createHmac), so that
// a program hashing many short strings asks it once per name.
var knownDigests = Object.create(null);
var knownHmacDigests = Object.create(null);

// A hash, or an HMAC with a string key, updated once with a 'binary' or 'utf8' string (nearly
// every short one) makes no native object: the string is held (strings do not change) and
// digest() hashes it in one call into the binding (hashOnce, hmacOnce). A second update, or one
// with bytes or another encoding, makes the binding's Hash (Hmac) and feeds it what was held;
// from then on the object is the binding's, as it always was for long data fed in pieces.
// Errors are the same either way, in the same order: a bad algorithm or key at creation, a bad
// encoding or data at update(), and 'Digest already called' (code ERR_CRYPTO_HASH_FINALIZED)
// for any use after digest().
function Hash(algorithm) {
  if (!(this instanceof Hash)) return new Hash(algorithm);
  if (typeof algorithm !== 'string' || knownDigests[algorithm] !== true) {
    binding.checkDigest(algorithm);
    knownDigests[algorithm] = true;
  }
  initDigest(this, algorithm);
}

// The fields Hash and Hmac share.
function initDigest(self, algorithm) {
  self._algorithm = algorithm;
  self._key = undefined;     // an Hmac's string key, while it has no binding Hmac
  self._handle = null;       // the binding's Hash (Hmac), once one is needed
  self._held = undefined;    // the one string update held back until digest()
  self._heldUtf8 = false;
  self._finished = false;    // digest() was called with no binding object
}

function Hmac(algorithm, key) {
  if (!(this instanceof Hmac)) return new Hmac(algorithm, key);
  initDigest(this, algorithm);
  // A Buffer key could change before digest(), and a digest's first HMAC must show its errors
  // here: those are made at once, as always.
  if (typeof key === 'string' && typeof algorithm === 'string' &&
      knownHmacDigests[algorithm] === true) {
    this._key = key;
    return;
  }
  this._handle = new binding.Hmac(algorithm, toBytes(key, 'binary', 'key'));
  knownHmacDigests[algorithm] = true;
}

function finalizedError() {
  var error = new Error('Digest already called');
  error.code = 'ERR_CRYPTO_HASH_FINALIZED';
  return error;
}

// The binding object of a hash or HMAC, made now (and fed the held string) if it has none.
function bindingObject(hash) {
  var handle = hash._handle;
  if (handle !== null) return handle;
  if (hash._finished) throw finalizedError();
  handle = hash._key === undefined ? new binding.Hash(hash._algorithm) :
      new binding.Hmac(hash._algorithm, new Buffer(hash._key, 'binary'));
  hash._handle = handle;
  hash._key = undefined;
  if (hash._held !== undefined) {
    handle.update(hash._held, hash._heldUtf8);
    hash._held = undefined;
  }
  return handle;
}

// The binding takes 'binary' and 'utf8' strings as they are (update(string, utf8)) and makes
// hex and 'binary' digests itself (digest(1), digest(2)), so that hashing a short string to hex
// makes no Buffer.
Hash.prototype.update = function update(data, inputEncoding) {
  if (typeof data === 'string') {
    var encoding = normalizeEncoding(inputEncoding, true);
    if (encoding === 'binary' || encoding === 'utf8') {
      if (this._handle === null && this._held === undefined && !this._finished) {
        this._held = data;
        this._heldUtf8 = encoding === 'utf8';
      } else {
        bindingObject(this).update(data, encoding === 'utf8');
      }
      return this;
    }
  }
  var bytes = toBytes(data, inputEncoding);
  bindingObject(this).update(bytes);
  return this;
};

Hash.prototype.digest = function digest(outputEncoding) {
  var encoding = normalizeEncoding(outputEncoding);
  var form = encoding === 'hex' ? 1 : encoding === 'binary' ? 2 : 0;
  var result;
  if (this._handle === null) {
    if (this._finished) throw finalizedError();
    this._finished = true;
    var held = this._held === undefined ? '' : this._held;
    this._held = undefined;
    if (this._key === undefined) {
      result = binding.hashOnce(this._algorithm, held, this._heldUtf8, form);
    } else {
      result = binding.hmacOnce(this._algorithm, this._key, false, held, this._heldUtf8, form);
      this._key = undefined;
    }
  } else {
    result = this._handle.digest(form);
  }
  return form === 0 ? encode(result, encoding) : result;
};

Hmac.prototype.update = Hash.prototype.update;
Hmac.prototype.digest = Hash.prototype.digest;

// update() of Sign and Verify, whose binding objects are made with them.
function handleUpdate(data, inputEncoding) {
  if (typeof data === 'string') {
    var encoding = normalizeEncoding(inputEncoding, true);
    if (encoding === 'binary' || encoding === 'utf8') {
      this._handle.update(data, encoding === 'utf8');
      return this;
    }
  }
  this._handle.update(toBytes(data, inputEncoding));
  return this;
}

exports.Hash = Hash;
exports.createHash = function createHash(algorithm) {
  return new Hash(algorithm);
};
exports.Hmac = Hmac;
exports.createHmac = function createHmac(algorithm, key) {
  return new Hmac(algorithm, key);
};

// ---- Ciphers -----------------------------------------------------------------------------------

// The methods Cipher, Cipheriv, Decipher and Decipheriv share. Output in an encoding that can
// split a character (or a base64 group) across update() calls goes through a StringDecoder, so
// the pieces joined are the encoding of the whole.
var cipherMethods = {
  update: function update(data, inputEncoding, outputEncoding) {
    var bytes = this._handle.update(toBytes(data, inputEncoding));
    return this._encodeOutput(bytes, outputEncoding, false);
  },

  final: function final(outputEncoding) {
    var bytes = this._handle.final();
    return this._encodeOutput(bytes, outputEncoding, true);
  },

  _encodeOutput: function(bytes, outputEncoding, last) {
    var encoding = normalizeEncoding(outputEncoding);
    if (this._decoder && this._decoderEncoding !== encoding) {
      throw new Error('Cannot change the output encoding from ' + this._decoderEncoding +
                      ' to ' + encoding);
    }
    if (encoding !== 'utf8' && encoding !== 'ucs2' && encoding !== 'base64') {
      return encode(bytes, encoding);
    }
    if (!this._decoder) {
      this._decoder = new StringDecoder(encoding);
      this._decoderEncoding = encoding;
    }
    asBuffer(bytes);
    return last ? this._decoder.end(bytes) : this._decoder.write(bytes);
  }
};

function addCipherMethods(constructor) {
  Object.keys(cipherMethods).forEach(function(name) {
    constructor.prototype[name] = cipherMethods[name];
  });
}

function Cipher(algorithm, password) {
  if (!(this instanceof Cipher)) return new Cipher(algorithm, password);
  this._handle = new binding.CipherBase(true);
  this._handle.init(algorithm, toBytes(password, 'binary', 'password'));
  this._decoder = null;
}

function Decipher(algorithm, password) {
  if (!(this instanceof Decipher)) return new Decipher(algorithm, password);
  this._handle = new binding.CipherBase(false);
  this._handle.init(algorithm, toBytes(password, 'binary', 'password'));
  this._decoder = null;
}

// A null IV is the empty one, for modes without an IV (ECB).
function ivBytes(iv) {
  return iv === null ? new Buffer(0) : toBytes(iv, 'binary', 'iv');
}

function Cipheriv(algorithm, key, iv) {
  if (!(this instanceof Cipheriv)) return new Cipheriv(algorithm, key, iv);
  this._handle = new binding.CipherBase(true);
  this._handle.initiv(algorithm, toBytes(key, 'binary', 'key'), ivBytes(iv));
  this._decoder = null;
}

function Decipheriv(algorithm, key, iv) {
  if (!(this instanceof Decipheriv)) return new Decipheriv(algorithm, key, iv);
  this._handle = new binding.CipherBase(false);
  this._handle.initiv(algorithm, toBytes(key, 'binary', 'key'), ivBytes(iv));
  this._decoder = null;
}

[Cipher, Decipher, Cipheriv, Decipheriv].forEach(addCipherMethods);

exports.Cipher = Cipher;
exports.createCipher = function createCipher(algorithm, password) {
  return new Cipher(algorithm, password);
};
exports.Cipheriv = Cipheriv;
exports.createCipheriv = function createCipheriv(algorithm, key, iv) {
  return new Cipheriv(algorithm, key, iv);
};
exports.Decipher = Decipher;
exports.createDecipher = function createDecipher(algorithm, password) {
  return new Decipher(algorithm, password);
};
exports.Decipheriv = Decipheriv;
exports.createDecipheriv = function createDecipheriv(algorithm, key, iv) {
  return new Decipheriv(algorithm, key, iv);
};

// ---- Sign and Verify ---------------------------------------------------------------------------

function Sign(algorithm) {
  if (!(this instanceof Sign)) return new Sign(algorithm);
  this._handle = new binding.Sign(algorithm);
}

Sign.prototype.update = handleUpdate;

// sign(privateKey, [outputFormat]): privateKey is a PEM string or Buffer, or (as later Node
// versions allow) { key: pem, passphrase: string } for an encrypted key.
Sign.prototype.sign = function sign(privateKey, outputFormat) {
  var encoding = normalizeEncoding(outputFormat);
  var key = privateKey;
  var passphrase;
  if (key !== null && typeof key === 'object' && !ArrayBuffer.isView(key)) {
    if (key.passphrase !== undefined && key.passphrase !== null) {
      passphrase = toBytes(key.passphrase, 'utf8', 'passphrase');
    }
    key = key.key;
  }
  return encode(this._handle.sign(pemBytes(key, 'private key'), passphrase), encoding);
};

function Verify(algorithm) {
  if (!(this instanceof Verify)) return new Verify(algorithm);
  this._handle = new binding.Verify(algorithm);
}

Verify.prototype.update = handleUpdate;

// verify(object, signature, [signatureFormat]): object is a PEM public key (SubjectPublicKeyInfo
// or RSA PUBLIC KEY), certificate or private key.
Verify.prototype.verify = function verify(object, signature, signatureFormat) {
  var bytes = toBytes(signature, signatureFormat, 'signature');
  return this._handle.verify(pemBytes(object, 'key'), bytes);
};

exports.Sign = Sign;
exports.createSign = function createSign(algorithm) {
  return new Sign(algorithm);
};
exports.Verify = Verify;
exports.createVerify = function createVerify(algorithm) {
  return new Verify(algorithm);
};

// ---- Diffie-Hellman ----------------------------------------------------------------------------

// DiffieHellman(primeLength) generates a prime (slow); DiffieHellman(prime, [encoding]) uses the
// given one. The generator is 2 either way.
function DiffieHellman(sizeOrPrime, encoding) {
  if (!(this instanceof DiffieHellman)) return new DiffieHellman(sizeOrPrime, encoding);
  if (typeof sizeOrPrime === 'number') {
    this._handle = new binding.DiffieHellman(sizeOrPrime);
  } else {
    this._handle = new binding.DiffieHellman(toBytes(sizeOrPrime, encoding, 'prime'));
  }
}

DiffieHellman.prototype.generateKeys = function generateKeys(encoding) {
  var name = normalizeEncoding(encoding);
  return encode(this._handle.generateKeys(), name);
};

// The output encoding defaults to the input encoding, as documented.
DiffieHellman.prototype.computeSecret = function computeSecret(otherPublicKey, inputEncoding,
                                                               outputEncoding) {
  var outName = normalizeEncoding(outputEncoding === undefined ? inputEncoding : outputEncoding);
  var key = toBytes(otherPublicKey, inputEncoding, 'other public key');
  return encode(this._handle.computeSecret(key), outName);
};

['getPrime', 'getGenerator', 'getPublicKey', 'getPrivateKey'].forEach(function(name) {
  DiffieHellman.prototype[name] = function(encoding) {
    var encodingName = normalizeEncoding(encoding);
    return encode(this._handle[name](), encodingName);
  };
});

DiffieHellman.prototype.setPublicKey = function setPublicKey(key, encoding) {
  this._handle.setPublicKey(toBytes(key, encoding, 'key'));
  return this;
};

DiffieHellman.prototype.setPrivateKey = function setPrivateKey(key, encoding) {
  this._handle.setPrivateKey(toBytes(key, encoding, 'key'));
  return this;
};

exports.DiffieHellman = DiffieHellman;
exports.createDiffieHellman = function createDiffieHellman(sizeOrPrime, encoding) {
  return new DiffieHellman(sizeOrPrime, encoding);
};

// ---- PBKDF2 and random bytes -------------------------------------------------------------------

// PBKDF2 with HMAC-SHA1, on the thread pool. As in v0.6, derivedKey is a 'binary' string.
exports.pbkdf2 = function pbkdf2(password, salt, iterations, keylen, callback) {
  if (typeof callback !== 'function') throw new TypeError('callback must be a function');
  binding.pbkdf2(toBytes(password, 'binary', 'password'), toBytes(salt, 'binary', 'salt'),
                 iterations, keylen, function(err, bytes) {
                   if (err) return callback(err);
                   callback(null, encode(bytes, 'binary'));
                 });
};

// randomBytes(size): a Buffer at once; randomBytes(size, callback): callback(err, buffer) once
// the thread pool has gathered them.
exports.randomBytes = function randomBytes(size, callback) {
  if (callback === undefined) return asBuffer(binding.randomBytes(size));
  if (typeof callback !== 'function') throw new TypeError('callback must be a function');
  binding.randomBytes(size, function(err, bytes) {
    if (err) return callback(err);
    callback(null, asBuffer(bytes));
  });
};

// v0.6.3's pseudoRandomBytes (OpenSSL's RAND_pseudo_bytes, gone from OpenSSL 3) and the rng/prng
// aliases. Pseudo-random bytes need not be unpredictable, so the strong generator serves both.
exports.pseudoRandomBytes = function pseudoRandomBytes(size, callback) {
  return exports.randomBytes(size, callback);
};
exports.rng = exports.randomBytes;
exports.prng = exports.pseudoRandomBytes;

// ---- Credentials -------------------------------------------------------------------------------

// The credentials of a secure connection: `context` is a native SecureContext (an OpenSSL
// SSL_CTX) that the tls module hands to its connections. secureProtocol names an OpenSSL method
// ('SSLv23_method', 'TLSv1_method', ...); flags are SSL_OP_* options.
function Credentials(secureProtocol, flags, context) {
  if (!(this instanceof Credentials)) return new Credentials(secureProtocol, flags, context);
  if (context) {
    this.context = context;
  } else {
    this.context = new binding.SecureContext();
    this.context.init(secureProtocol === null ? undefined : secureProtocol);
  }
  if (flags) this.context.setOptions(flags);
}

exports.Credentials = Credentials;

// createCredentials(details): details may hold key, passphrase, cert, ca (one or a list),
// crl (one or a list), ciphers, secureProtocol, secureOptions and sessionIdContext. Without
// `ca` the system's trusted roots are used. The certificate is set before the key, so a key
// that does not belong to the certificate is an error here rather than at handshake time.
exports.createCredentials = function createCredentials(details, context) {
  var options = details || {};
  if (typeof options !== 'object') throw new TypeError('details must be an object');
  var credentials = new Credentials(options.secureProtocol, options.secureOptions, context);
  if (context) return credentials;
  var secure = credentials.context;

  // The ciphers come first: a string ending in '@SECLEVEL=0' lowers OpenSSL's security level,
  // which must already hold when a short key or its certificate is set.
  if (options.ciphers) {
    if (typeof options.ciphers !== 'string') throw new TypeError('ciphers must be a string');
    secure.setCiphers(options.ciphers);
  }
  if (options.cert) secure.setCert(pemBytes(options.cert, 'cert'));
  if (options.key) {
    var passphrase;
    if (options.passphrase !== undefined && options.passphrase !== null) {
      passphrase = toBytes(options.passphrase, 'utf8', 'passphrase');
    }
    secure.setKey(pemBytes(options.key, 'key'), passphrase);
  }
  if (options.ca) {
    [].concat(options.ca).forEach(function(ca) {
      secure.addCACert(pemBytes(ca, 'ca'));
    });
  } else {
    secure.addRootCerts();
  }
  if (options.crl) {
    [].concat(options.crl).forEach(function(crl) {
      secure.addCRL(pemBytes(crl, 'crl'));
    });
  }
  if (options.sessionIdContext) {
    secure.setSessionIdContext(toBytes(options.sessionIdContext, 'utf8', 'sessionIdContext'));
  }
  return credentials;
};
