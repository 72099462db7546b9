// path.markdown example 10: path.extname.
// adaptation: the doc assumes `path` is required; each `// returns` becomes an assert.
var assert = require('assert');
var path = require('path');

assert.equal(path.extname('index.html'),
// returns
'.html');

assert.equal(path.extname('index.'),
// returns
'.');

assert.equal(path.extname('index'),
// returns
'');
