// The bytes written to a pair's encrypted stream are taken at write(): a writer that reuses its
// Buffer for the next piece at once (here one scratch Buffer, overwritten with garbage right
// after each write) must not change what the pair decrypts. A megabyte of patterned cleartext
// goes each way between two in-memory pairs and arrives intact.
var common = require('../common');
var assert = require('assert');
var crypto = require('crypto');
var fs = require('fs');
var tls = require('tls');

var keys = common.fixturesDir + '/keys/';
function read(name) { return fs.readFileSync(keys + name); }

var server = tls.createSecurePair(crypto.createCredentials({
  key: read('rsa_private.pem'), cert: read('localhost_cert.pem')
}), true, false, false);
var client = tls.createSecurePair(crypto.createCredentials(), false);

var scratch = new Buffer(256 * 1024);
function forward(to) {
  return function(d) {
    for (var at = 0; at < d.length; at += scratch.length) {
      var n = Math.min(scratch.length, d.length - at);
      d.copy(scratch, 0, at, at + n);
      to.encrypted.write(scratch.slice(0, n));
      scratch.fill(0x5a);
    }
  };
}
client.encrypted.on('data', forward(server));
server.encrypted.on('data', forward(client));

var SIZE = 1024 * 1024;
function pattern(i, seed) { return (i * seed + (i >> 10)) & 255; }
function send(stream, seed) {
  for (var at = 0; at < SIZE; at += 65536) {
    var piece = new Buffer(65536);
    for (var i = 0; i < piece.length; i++) piece[i] = pattern(at + i, seed);
    stream.write(piece);
  }
}
function receiver(stream, seed, done) {
  var got = 0;
  stream.on('data', function(d) {
    for (var i = 0; i < d.length; i++) {
      if (d[i] !== pattern(got + i, seed)) {
        assert.fail('byte ' + (got + i) + ' is ' + d[i] + ', not ' + pattern(got + i, seed));
      }
    }
    got += d.length;
    if (got === SIZE) done();
  });
}

receiver(server.cleartext, 7, common.mustCall(function() {
  send(server.cleartext, 11);
}));
receiver(client.cleartext, 11, common.mustCall(function() {
  client.cleartext.end();
}));
send(client.cleartext, 7);
