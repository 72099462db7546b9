// createCredentials: a SecureContext holding key, certificate, CAs, CRLs and ciphers, the way
// tls will use it; what it refuses.
var common = require('../common');
var assert = require('assert');
var crypto = require('crypto');
var fs = require('fs');
var path = require('path');

function fixture(name) {
  return fs.readFileSync(path.join(common.fixturesDir, 'keys', name), 'utf8');
}
var key = fixture('rsa_private.pem');
var encryptedKey = fixture('rsa_private_encrypted.pem');
var cert = fixture('rsa_cert.pem');
var otherKey = fixture('rsa2_private.pem');
var ca = fixture('ca_cert.pem');
var crl = fixture('ca_crl.pem');
var csr = fixture('agent_csr.pem');

// No details: a context with the system's root certificates.
var plain = crypto.createCredentials();
assert.ok(plain instanceof crypto.Credentials);
assert.strictEqual(typeof plain.context, 'object');
assert.strictEqual(typeof plain.context.setKey, 'function');

// Everything at once, strings or Buffers.
var full = crypto.createCredentials({
  key: key, cert: cert, ca: [ca], crl: crl, ciphers: 'HIGH:!aNULL:!MD5',
  secureProtocol: 'SSLv23_method', sessionIdContext: 'nodus-test'
});
assert.ok(full.context);
crypto.createCredentials({ key: new Buffer(key), cert: new Buffer(cert), ca: new Buffer(ca) });
// A certificate followed by its chain.
crypto.createCredentials({ key: key, cert: cert + ca, ca: ca });
// An encrypted key with its passphrase.
crypto.createCredentials({ key: encryptedKey, passphrase: 'password', cert: cert });

// The protocol methods.
['SSLv23_method', 'SSLv23_server_method', 'SSLv23_client_method', 'TLSv1_method',
 'TLSv1_2_server_method', 'TLSv1_1_client_method'].forEach(function(method) {
  crypto.createCredentials({ secureProtocol: method });
});
assert.throws(function() { crypto.createCredentials({ secureProtocol: 'SSLv2_method' }); },
              /not supported/);
assert.throws(function() { crypto.createCredentials({ secureProtocol: 'SSLv3_method' }); },
              /not supported/);
assert.throws(function() { crypto.createCredentials({ secureProtocol: 'Bogus_method' }); },
              /Unknown method/);
assert.throws(function() { crypto.createCredentials({ secureProtocol: 42 }); }, TypeError);

// secureOptions become SSL_OP_* flags; an existing context is reused as it is.
var withOptions = crypto.createCredentials({ secureOptions: 0x4000000 });
var reused = crypto.createCredentials({ key: 'ignored' }, withOptions.context);
assert.strictEqual(reused.context, withOptions.context);

// What is refused: a key that is not the certificate's (in either order), bad PEM, a wrong or
// missing passphrase, an unknown cipher list.
assert.throws(function() { crypto.createCredentials({ key: otherKey, cert: cert }); }, Error);
var context = crypto.createCredentials().context;
context.setKey(new Buffer(otherKey));
assert.throws(function() { context.setCert(new Buffer(cert)); }, /does not match|mismatch/);
assert.throws(function() { crypto.createCredentials({ key: 'garbage' }); }, Error);
assert.throws(function() { crypto.createCredentials({ cert: 'garbage' }); }, Error);
assert.throws(function() { crypto.createCredentials({ crl: 'garbage' }); }, Error);
assert.throws(function() { crypto.createCredentials({ key: encryptedKey, passphrase: 'no' }); },
              Error);
assert.throws(function() { crypto.createCredentials({ key: encryptedKey }); }, Error);
assert.throws(function() { crypto.createCredentials({ ciphers: 'NO-SUCH-CIPHER' }); },
              /no cipher match/);
assert.throws(function() { crypto.createCredentials({ ciphers: 5 }); }, TypeError);
assert.throws(function() { crypto.createCredentials({ key: 5 }); }, TypeError);
assert.throws(function() {
  crypto.createCredentials({ sessionIdContext: new Array(34).join('x') });
}, RangeError);
assert.throws(function() { crypto.createCredentials('details'); }, TypeError);

// A `ca` that is not a certificate (garbage, a certificate request, a damaged block) is
// skipped, as v0.6 skipped it: addCACert says whether it trusted anything, and what comes
// before the first block that is not a certificate is still trusted.
crypto.createCredentials({ ca: 'garbage' });
crypto.createCredentials({ key: key, cert: cert, ca: [csr, ca] });
var caContext = crypto.createCredentials({ ca: ca }).context;
assert.strictEqual(caContext.addCACert(new Buffer('garbage')), false);
assert.strictEqual(caContext.addCACert(new Buffer(csr)), false);
assert.strictEqual(caContext.addCACert(new Buffer(ca)), true);
assert.strictEqual(caContext.addCACert(new Buffer(ca + csr)), true);
var damaged = ca.replace(/\n[A-Za-z0-9+\/]{20}/, '\n!!!!!!!!!!!!!!!!!!!!');
assert.notStrictEqual(damaged, ca);
assert.strictEqual(caContext.addCACert(new Buffer(damaged)), false);
assert.throws(function() { caContext.addCACert(5); }, TypeError);
assert.throws(function() { crypto.createCredentials({ ca: 5 }); }, TypeError);

// The native context directly: init once, nothing before init, nothing after close.
var SecureContext = process.binding('crypto').SecureContext;
var sc = new SecureContext();
assert.throws(function() { sc.setCert(new Buffer(cert)); }, /not initialised/);
sc.init();
assert.throws(function() { sc.init(); }, /already initialised/);
sc.setCert(new Buffer(cert));
sc.setKey(new Buffer(key));
sc.addRootCerts();
sc.setOptions(0);
sc.close();
assert.throws(function() { sc.setCiphers('HIGH'); }, /closed/);
sc.close();  // Twice is harmless.
assert.throws(function() { SecureContext(); }, TypeError);
