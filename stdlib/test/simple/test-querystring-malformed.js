var common = require('../common');
var assert = require('assert');

var qs = require('querystring');

// Malformed escapes are kept as they are instead of throwing.
var tests = [
  ['a=%', { a: '%' }],
  ['a=%2', { a: '%2' }],
  ['a=%zz', { a: '%zz' }],
  ['a=%2g', { a: '%2g' }],
  ['a=100%', { a: '100%' }],
  ['%=%%', { '%': '%%' }],
  ['a=%41%', { a: 'A%' }],
  // Escapes that decode to invalid UTF-8 become U+FFFD, one per maximal bad subsequence.
  ['a=%FF', { a: '\ufffd' }],
  ['a=%C3', { a: '\ufffd' }],
  ['a=%C3%28', { a: '\ufffd(' }],
  ['a=%E2%82', { a: '\ufffd' }],
  ['a=%ED%A0%80', { a: '\ufffd\ufffd\ufffd' }],
  ['a=%C3%A9%', { a: '\u00e9%' }],
  ['a=%E9t%C3%A9', { a: '\ufffdt\u00e9' }],
  // Literal text beside a bad escape survives untouched, even beyond the BMP.
  ['a=\ud83d\ude00%', { a: '\ud83d\ude00%' }],
  ['\u00e9=%ZZ\u00e8', { '\u00e9': '%ZZ\u00e8' }]
];
tests.forEach(function(test) {
  var actual = qs.parse(test[0]);
  assert.deepEqual(actual, test[1], 'parse(' + JSON.stringify(test[0]) + ') gave ' +
                   JSON.stringify(actual));
});

assert.strictEqual(qs.unescape('%'), '%');
assert.strictEqual(qs.unescape('%E0%A4%A'), '\ufffd%A');
assert.strictEqual(qs.unescape('%+%', true), '% %');
