var common = require('../common');
var assert = require('assert');

var punycode = require('punycode');

// Sample strings from RFC 3492 section 7.1: [Unicode, Punycode].
var samples = [
  ['\u4ed6\u4eec\u4e3a\u4ec0\u4e48\u4e0d\u8bf4\u4e2d\u6587', 'ihqwcrb4cv8a8dqg056pqjye'],
  ['\u4ed6\u5011\u7232\u4ec0\u9ebd\u4e0d\u8aaa\u4e2d\u6587', 'ihqwctvzc91f659drss3x8bo0yb'],
  ['Pro\u010dprost\u011bnemluv\u00ed\u010desky', 'Proprostnemluvesky-uyb24dma41a'],
  ['\u05dc\u05de\u05d4\u05d4\u05dd\u05e4\u05e9\u05d5\u05d8\u05dc\u05d0\u05de\u05d3\u05d1' +
   '\u05e8\u05d9\u05dd\u05e2\u05d1\u05e8\u05d9\u05ea', '4dbcagdahymbxekheh6e0a7fei0b'],
  ['\u306a\u305c\u307f\u3093\u306a\u65e5\u672c\u8a9e\u3092\u8a71\u3057\u3066\u304f\u308c' +
   '\u306a\u3044\u306e\u304b', 'n8jok5ay5dzabd5bym9f0cm5685rrjetr6pdxa'],
  ['\u043f\u043e\u0447\u0435\u043c\u0443\u0436\u0435\u043e\u043d\u0438\u043d\u0435\u0433' +
   '\u043e\u0432\u043e\u0440\u044f\u0442\u043f\u043e\u0440\u0443\u0441\u0441\u043a\u0438',
   'b1abfaaepdrnnbgefbadotcwatmq2g4l'],
  ['Porqu\u00e9nopuedensimplementehablarenEspa\u00f1ol',
   'PorqunopuedensimplementehablarenEspaol-fmd56a'],
  ['T\u1ea1isaoh\u1ecdkh\u00f4ngth\u1ec3ch\u1ec9n\u00f3iti\u1ebfngVi\u1ec7t',
   'TisaohkhngthchnitingVit-kjcr8268qyxafd2f1b9g'],
  ['3\u5e74B\u7d44\u91d1\u516b\u5148\u751f', '3B-ww4c5e180e575a65lsy2b'],
  ['\u5b89\u5ba4\u5948\u7f8e\u6075-with-SUPER-MONKEYS',
   '-with-SUPER-MONKEYS-pc58ag80a8qai00g7n9n'],
  ['Hello-Another-Way-\u305d\u308c\u305e\u308c\u306e\u5834\u6240',
   'Hello-Another-Way--fc4qua05auwb3674vfr0b'],
  ['\u3072\u3068\u3064\u5c4b\u6839\u306e\u4e0b2', '2-u9tlzr9756bt3uc0v'],
  ['Maji\u3067Koi\u3059\u308b5\u79d2\u524d', 'MajiKoi5-783gue6qz075azm5e'],
  ['\u30d1\u30d5\u30a3\u30fcde\u30eb\u30f3\u30d0', 'de-jg4avhby1noc0d'],
  ['\u305d\u306e\u30b9\u30d4\u30fc\u30c9\u3067', 'd9juau41awczczp'],
  ['-> $1.00 <-', '-> $1.00 <--'],
  // Astral code points are whole code points, not surrogate halves.
  ['\ud83d\ude00', 'e28h'],
  ['', '']
];

samples.forEach(function(sample) {
  assert.strictEqual(punycode.encode(sample[0]), sample[1],
                     'encode(' + JSON.stringify(sample[0]) + ')');
  assert.strictEqual(punycode.decode(sample[1]), sample[0],
                     'decode(' + JSON.stringify(sample[1]) + ')');
});

// Decoding ignores the case of the encoded digits.
assert.strictEqual(punycode.decode('B1ABFAAEPDRNNBGEFBADOTCWATMQ2G4L'),
                   punycode.decode('b1abfaaepdrnnbgefbadotcwatmq2g4l'));
// A string of only basic code points gets a trailing delimiter.
assert.strictEqual(punycode.encode('abc'), 'abc-');
assert.strictEqual(punycode.decode('abc-'), 'abc');

assert.strictEqual(typeof punycode.version, 'string');
