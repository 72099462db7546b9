// buffers.markdown example 2: buffer[index], copying an ASCII string one byte at a time.
// adaptation: the doc's output comment `// node.js` is the string the bytes spell; console.log
// of a Buffer prints its inspect() form, so the check asserts both that and the decoded string.
var assert = require('assert');
var lines = [];
var log = console.log;
console.log = function(s) { lines.push(s); log.apply(console, arguments); };

str = "node.js";
buf = new Buffer(str.length);

for (var i = 0; i < str.length ; i++) {
  buf[i] = str.charCodeAt(i);
}

console.log(buf);

// node.js

console.log = log;
assert.strictEqual(buf.toString('ascii'), 'node.js');
assert.strictEqual(buf.inspect(), '<Buffer 6e 6f 64 65 2e 6a 73>');
assert.strictEqual(lines.length, 1);
assert.strictEqual(lines[0], buf);
