// buffers.markdown example 4: buffer.length does not change when the contents change
// (output in the inline comments). The doc's `write(string, encoding, offset)` argument order
// is the legacy one, still accepted in v0.6.3.
buf = new Buffer(1234);

console.log(buf.length);
buf.write("some string", "ascii", 0);
console.log(buf.length);

// 1234
// 1234
