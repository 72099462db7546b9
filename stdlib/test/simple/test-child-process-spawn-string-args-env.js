var common = require('../common');
var assert = require('assert');
var cp = require('child_process');

// spawn converts every argument with String(), as v0.6.3 did.
var echo = cp.spawn('echo', [1, 2.5, null, undefined, true, { toString: function() { return 'o'; } }]);
var out = '';
echo.stdout.setEncoding('utf8');
echo.stdout.on('data', function(d) { out += d; });
echo.on('exit', common.mustCall(function(code) {
  assert.equal(code, 0);
  assert.equal(out, '1 2.5 null undefined true o\n');
}));
// A conversion that throws is the caller's error; nothing is spawned.
assert.throws(function() {
  cp.spawn('echo', [{ toString: function() { throw new Error('no string'); } }]);
}, /no string/);

// Its env includes keys inherited through the prototype (a for-in walk).
var base = { INHERITED_VAR: 'from-proto', PATH: process.env.PATH };
var env = Object.create(base);
env.OWN_VAR = 'own';
cp.execFile('/bin/sh', ['-c', 'echo "$INHERITED_VAR $OWN_VAR"'], { env: env },
            common.mustCall(function(err, stdout) {
  assert.ifError(err);
  assert.equal(stdout, 'from-proto own\n');
}));
