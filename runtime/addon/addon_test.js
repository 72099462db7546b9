// Native addons: require() of a `.node` file runs its NODE_MODULE init on the module's exports
// (runtime/addon/node.h). Arguments: the paths of testdata/hello.node, wrong_version.node and
// openssl_user.node.
var assert = require('assert');
var path = require('path');
var fs = require('fs');

var helloPath = path.resolve(process.argv[2]);
var wrongPath = path.resolve(process.argv[3]);
var opensslUserPath = path.resolve(process.argv[4]);

// An addon that calls OpenSSL without linking it finds it in the process, as under node, although
// nothing before it here used crypto or TLS (Nodus loads OpenSSL on first use).
var opensslUser = require(opensslUserPath);
assert.ok(opensslUser.opensslVersion() >= 0x30000000, String(opensslUser.opensslVersion()));

var addon = require(helloPath);
assert.strictEqual(addon.hello(), 'world');
assert.strictEqual(addon.add(2, 40), 42);
assert.throws(function() { addon.add('x'); }, TypeError);
// require caches the module like any other.
assert.strictEqual(require(helloPath), addon);
// Without the extension, as the docs write it.
assert.strictEqual(require(helloPath.replace(/\.node$/, '')), addon);

// process.dlopen directly.
var exports2 = {};
process.dlopen(helloPath, exports2);
assert.strictEqual(exports2.hello(), 'world');

// Failures are Errors, never crashes.
assert.throws(function() { require(wrongPath); }, /version/);
var tmp = path.join(process.env.TEST_TMPDIR || '/tmp', 'not-a-library.node');
fs.writeFileSync(tmp, 'this is not an ELF file');
assert.throws(function() { require(tmp); }, Error);
assert.throws(function() { process.dlopen('/no/such/file.node', {}); }, Error);
assert.throws(function() { process.dlopen(); }, TypeError);
assert.throws(function() { process.dlopen(helloPath, null); }, TypeError);
// A library with no `<name>_module` symbol: libc itself, copied under another name.
var libc = '/lib/x86_64-linux-gnu/libc.so.6';
if (fs.existsSync ? fs.existsSync(libc) : path.existsSync(libc)) {
  assert.throws(function() { process.dlopen(libc, {}); }, /module/);
}
console.log('ok');
