// Interoperability with the system `openssl` command, on data, passwords and keys made at test
// time: createCipher/createCipheriv against `openssl enc` both ways, signatures against
// `openssl dgst` both ways with a freshly generated key, digests and PBKDF2 against `openssl
// dgst`/`openssl kdf`. ./bazelw installs the command (Debian's openssl package); the test fails
// without it rather than pass silently.
var common = require('../common');
var assert = require('assert');
var crypto = require('crypto');
var fs = require('fs');
var path = require('path');
var execFile = require('child_process').execFile;

var openssl = null;
(process.env.PATH || '/usr/bin:/bin').split(':').concat(['/usr/bin']).forEach(function(dir) {
  if (!openssl && dir && path.existsSync(path.join(dir, 'openssl'))) {
    openssl = path.join(dir, 'openssl');
  }
});
assert.ok(openssl, 'the openssl command is needed (./bazelw installs it)');

var dir = path.join(common.tmpDir, 'crypto-openssl-cli-' + process.pid);
fs.mkdirSync(dir, 511);
function file(name) { return path.join(dir, name); }

// Runs openssl with `args`; `done(stdout)` gets its binary output. Steps run one at a time.
var steps = [];
function run(args, done) {
  steps.push(function(next) {
    execFile(openssl, args, { encoding: 'binary' }, common.mustCall(function(err, stdout, stderr) {
      assert.ifError(err, 'openssl ' + args.join(' ') + ': ' + stderr);
      done(new Buffer(stdout, 'binary'));
      next();
    }));
  });
}
function check(fn) {
  steps.push(function(next) { fn(); next(); });
}

var plain = crypto.randomBytes(1000 + crypto.randomBytes(1)[0]);
var password = crypto.randomBytes(12).toString('hex');
var key = crypto.randomBytes(32);
var iv = crypto.randomBytes(16);
fs.writeFileSync(file('plain'), plain);

function cat(parts) {
  var total = 0;
  parts.forEach(function(p) { total += p.length; });
  var out = new Buffer(total);
  var at = 0;
  parts.forEach(function(p) { p.copy(out, at); at += p.length; });
  return out;
}
function ours(cipher, data) {
  return cat([cipher.update(data, null, 'buffer'), cipher.final('buffer')]);
}

['aes-128-cbc', 'aes-256-cbc', 'aes-192-cfb', 'des-ede3-cbc'].forEach(function(algorithm) {
  // createCipher(password) == `openssl enc -md md5 -nosalt -k password`, and back.
  run(['enc', '-' + algorithm, '-md', 'md5', '-nosalt', '-k', password, '-in', file('plain')],
      function(out) {
        assert.strictEqual(ours(crypto.createCipher(algorithm, password), plain).toString('hex'),
                           out.toString('hex'), algorithm + ' createCipher');
        fs.writeFileSync(file('ours.enc'), ours(crypto.createCipher(algorithm, password), plain));
      });
  run(['enc', '-d', '-' + algorithm, '-md', 'md5', '-nosalt', '-k', password,
       '-in', file('ours.enc')], function(out) {
    assert.strictEqual(out.toString('hex'), plain.toString('hex'), algorithm + ' decrypt');
  });
});

// createCipheriv == `openssl enc -K -iv`; createDecipheriv reads what openssl wrote.
run(['enc', '-aes-256-cbc', '-K', key.toString('hex'), '-iv', iv.toString('hex'),
     '-in', file('plain')], function(out) {
  assert.strictEqual(ours(crypto.createCipheriv('aes-256-cbc', key, iv), plain).toString('hex'),
                     out.toString('hex'));
  assert.strictEqual(ours(crypto.createDecipheriv('aes-256-cbc', key, iv), out).toString('hex'),
                     plain.toString('hex'));
});

// Digests.
['md5', 'sha1', 'sha256', 'sha512'].forEach(function(algorithm) {
  run(['dgst', '-' + algorithm, '-binary', file('plain')], function(out) {
    assert.strictEqual(crypto.createHash(algorithm).update(plain).digest('hex'),
                       out.toString('hex'), algorithm);
  });
});

// PBKDF2-HMAC-SHA1.
var derived;
steps.push(function(next) {
  crypto.pbkdf2(password, 'NaCl', 1000, 40, common.mustCall(function(err, key) {
    assert.ifError(err);
    derived = new Buffer(key, 'binary').toString('hex');
    next();
  }));
});
run(['kdf', '-keylen', '40', '-kdfopt', 'digest:SHA1', '-kdfopt', 'pass:' + password,
     '-kdfopt', 'salt:NaCl', '-kdfopt', 'iter:1000', '-binary', 'PBKDF2'], function(out) {
  assert.strictEqual(derived, out.toString('hex'));
});

// A key generated now; signatures both ways.
run(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out',
     file('key.pem')], function() {});
run(['pkey', '-in', file('key.pem'), '-pubout', '-out', file('pub.pem')], function() {});
check(function() {
  var privatePem = fs.readFileSync(file('key.pem'), 'utf8');
  var signature = crypto.createSign('RSA-SHA256').update(plain).sign(privatePem, 'buffer');
  fs.writeFileSync(file('ours.sig'), signature);
});
run(['dgst', '-sha256', '-verify', file('pub.pem'), '-signature', file('ours.sig'),
     file('plain')], function(out) {
  assert.ok(/Verified OK/.test(out.toString()), out.toString());
});
run(['dgst', '-sha256', '-sign', file('key.pem'), '-out', file('theirs.sig'), file('plain')],
    function() {
      var publicPem = fs.readFileSync(file('pub.pem'), 'utf8');
      var signature = fs.readFileSync(file('theirs.sig'));
      assert.strictEqual(crypto.createVerify('RSA-SHA256').update(plain)
                             .verify(publicPem, signature), true);
      plain[0] ^= 1;
      assert.strictEqual(crypto.createVerify('RSA-SHA256').update(plain)
                             .verify(publicPem, signature), false);
      plain[0] ^= 1;
    });

var finished = false;
(function next() {
  var step = steps.shift();
  if (step) return step(next);
  finished = true;
})();
process.on('exit', function() {
  assert.ok(finished, 'not every step ran');
});
