// path.markdown example 6: an identity, not a program.
// adaptation: the doc assumes `path` is required; each `// returns` becomes an assert.
var assert = require('assert');
var path = require('path');

// adaptation: the identity is checked for several from/to pairs.
[['/data/orandea/test/aaa', '/data/orandea/impl/bbb'],
 ['/a/b', '/a/b'], ['/a/b', '/a/b/c/d'], ['/', '/x'], ['rel/a', '/abs/b'], ['x', 'y/z']
].forEach(function (pair) {
  var from = pair[0], to = pair[1];
  assert.ok(path.resolve(from, path.relative(from, to)) == path.resolve(to), from + ' -> ' + to);
});
