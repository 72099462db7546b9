// zlib.markdown example 3: deflate a string, unzip a base64 buffer.
// adaptation: require('zlib'); zlib-3.out is the expected output (either order).
var zlib = require('zlib');
var input = '.................................';
zlib.deflate(input, function(err, buffer) {
  if (!err) {
    console.log(buffer.toString('base64'));
  }
});

var buffer = new Buffer('eJzT0yMAAGTvBe8=', 'base64');
zlib.unzip(buffer, function(err, buffer) {
  if (!err) {
    console.log(buffer.toString());
  }
});
