// path.markdown example 7: path.relative.
// adaptation: the doc assumes `path` is required; each `// returns` becomes an assert.
var assert = require('assert');
var path = require('path');

// adaptation: the first pair uses Windows paths and only holds on Windows; it is not run here.
// path.relative('C:\\orandea\\test\\aaa', 'C:\\orandea\\impl\\bbb')
// returns
// '..\\..\\impl\\bbb'

assert.equal(path.relative('/data/orandea/test/aaa', '/data/orandea/impl/bbb'),
// returns
'../../impl/bbb');
