// The native state of crypto objects (OpenSSL contexts, keys, big numbers) is freed when the JS
// objects are collected, finished or not: memory stays flat over many rounds of abandoned
// objects. Runs itself again with --expose_gc to collect on demand.
var common = require('../common');
var assert = require('assert');
var crypto = require('crypto');

if (typeof gc !== 'function') {
  // Under AddressSanitizer freed memory waits in a quarantine (256 MB by default) before reuse,
  // which would look like growth here; a small one keeps the measure meaningful.
  var env = {};
  Object.keys(process.env).forEach(function(name) { env[name] = process.env[name]; });
  if (env.ASAN_OPTIONS !== undefined) env.ASAN_OPTIONS += ':quarantine_size_mb=8';
  var child = require('child_process').spawn(process.execPath, ['--expose_gc', __filename],
                                             { customFds: [0, 1, 2], env: env });
  child.on('exit', common.mustCall(function(code) {
    assert.strictEqual(code, 0);
  }));
  return;
}

// RFC 2409 group 2, the 1024-bit MODP prime.
var prime = new Buffer('ffffffffffffffffc90fdaa22168c234c4c6628b80dc1cd129024e088a67cc74' +
                       '020bbea63b139b22514a08798e3404ddef9519b3cd3a431b302b0a6df25f1437' +
                       '4fe1356d6d51c245e485b576625e7ec6f44c42e9a637ed6b0bff5cb6f406b7ed' +
                       'ee386bfb5a899fa5ae9f24117c4b1fe649286651ece65381ffffffffffffffff', 'hex');
var key = new Buffer(32);
var iv = new Buffer(16);

function round(count) {
  var kept = [];
  for (var i = 0; i < count; i++) {
    kept.push(crypto.createHash('sha512').update('x'));
    kept.push(crypto.createHmac('sha256', 'key').update('x'));
    kept.push(crypto.createCipheriv('aes-256-cbc', key, iv));
    kept.push(crypto.createDecipher('aes-128-cbc', 'password'));
    kept.push(crypto.createSign('RSA-SHA256').update('x'));
    var dh = crypto.createDiffieHellman(prime);
    dh.setPrivateKey('0102', 'hex');
    kept.push(dh);
    if (i % 100 === 0) kept.push(crypto.createCredentials());
    // Finished ones too.
    crypto.createHash('md5').update('x').digest();
    var c = crypto.createCipher('aes-128-cbc', 'p');
    c.update('abc');
    c.final();
  }
  return kept.length;
}

function settle() {
  for (var i = 0; i < 3; i++) gc();
  return process.memoryUsage().rss;
}

// Collecting after each round lets the next reuse the memory, so only a leak makes it grow.
round(5000);
round(5000);
var before = settle();
for (var r = 0; r < 10; r++) {
  round(5000);
  settle();
}
var after = settle();
var growth = (after - before) / (1024 * 1024);
console.log('rss growth over 10 rounds: %d MB', growth.toFixed(1));
// 10 rounds x 5000 x 7 objects would keep a few hundred MB if their OpenSSL state leaked.
assert.ok(growth < 40, 'rss grew by ' + growth.toFixed(1) + ' MB');
