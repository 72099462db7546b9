// socket.write(string) in utf8 (the default) and binary, with strings V8 keeps as one
// byte per character (ASCII, Latin-1 above 0x7F, long ones, concatenations) and as two (a euro
// sign, a surrogate pair, a lone surrogate): the peer receives exactly the bytes that
// new Buffer(string, encoding) holds. The binding writes one-byte strings in utf8 by copying them
// out of V8 and encoding only from the first character above 0x7F: this checks the seams.
var common = require('../common');
var assert = require('assert');
var net = require('net');

var cases = [
  ['hello', 'utf8'],
  ['caf\u00e9 cr\u00e8me \u00ff\u00fe\u0080', 'utf8'],
  ['\u00e9', 'utf8'],
  ['\u00e9abc', 'utf8'],
  ['abc\u00e9', 'utf8'],
  [new Array(1001).join('x') + '\u00e9', 'utf8'],
  [new Array(5001).join('\u00e9') + 'z', 'utf8'],
  ['head: ' + new Array(40).join('v') + '\r\n' + 'body \u00a0\u00ff', 'utf8'],
  ['two-byte \u20ac \ud83d\ude00 end', 'utf8'],
  ['lone \ud800 surrogate', 'utf8'],
  ['caf\u00e9 \u00ff', 'binary'],
  ['plain', undefined]
];

var expected = cases.map(function(c) {
  return new Buffer(c[0], c[1] || 'utf8').toString('hex');
}).join('');

var server = net.createServer(function(conn) {
  var got = [];
  conn.on('data', function(d) { got.push(d.toString('hex')); });
  conn.on('end', function() {
    var all = got.join('');
    assert.equal(all.length, expected.length);
    assert.equal(all, expected);
    server.close();
    done = true;
  });
});
var done = false;
server.listen(0, function() {
  var client = net.createConnection(server.address().port, function() {
    cases.forEach(function(c) {
      if (c[1] === undefined) client.write(c[0]);
      else client.write(c[0], c[1]);
    });
    client.end();
  });
});

process.on('exit', function() { assert.ok(done); });
