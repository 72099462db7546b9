var common = require('../common');
var assert = require('assert');

var punycode = require('punycode');

// [Unicode domain, ASCII domain]
var domains = [
  ['ma\u00f1ana.com', 'xn--maana-pta.com'],
  ['example.b\u00fccher.com', 'example.xn--bcher-kva.com'],
  ['\u2603-\u2318.com', 'xn----dqo34k.com'],
  ['\u65e5\u672c\u8a9e.\u30c6\u30b9\u30c8', 'xn--wgv71a119e.xn--zckzah'],
  ['www.\u00e4ffchen.com', 'www.xn--ffchen-9ta.com'],
  ['\ud83d\udca9.la', 'xn--ls8h.la'],
  ['example.com', 'example.com'],
  ['', '']
];

domains.forEach(function(domain) {
  assert.strictEqual(punycode.toASCII(domain[0]), domain[1],
                     'toASCII(' + JSON.stringify(domain[0]) + ')');
  assert.strictEqual(punycode.toUnicode(domain[1]), domain[0],
                     'toUnicode(' + JSON.stringify(domain[1]) + ')');
});

// Labels already in the other form pass through, so both are idempotent.
assert.strictEqual(punycode.toASCII('xn--maana-pta.com'), 'xn--maana-pta.com');
assert.strictEqual(punycode.toUnicode('ma\u00f1ana.com'), 'ma\u00f1ana.com');

// Only labels are converted; the separators and ASCII labels are left alone, and case is kept.
assert.strictEqual(punycode.toASCII('A.B\u00fc.C'), 'A.xn--B-eha.C');
assert.strictEqual(punycode.toUnicode('A.xn--B-eha.C'), 'A.b\u00fc.C');
// The prefix must be lower case; the encoded digits may be either.
assert.strictEqual(punycode.toUnicode('XN--MAANA-PTA.COM'), 'XN--MAANA-PTA.COM');
// The label is lower-cased before decoding, basic code points included.
assert.strictEqual(punycode.toUnicode('xn--MAANA-PTA.COM'), 'ma\u00f1ana.COM');
