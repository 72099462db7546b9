// zlib.markdown example 4: a gzip/deflate http client and server.
// adaptation: the client talks to the server of the same example (port 0, not izs.me, not
// 1337); index.html and izs.me_index.html are in the temporary directory; the check compares.
var assert = require('assert');
process.chdir(process.env.TEST_TMPDIR || '/tmp');
require('fs').writeFileSync('index.html', '<html>hello</html>\n');
var server = (function () {
// server example
// Running a gzip operation on every request is quite expensive.
// It would be much more efficient to cache the compressed buffer.
var zlib = require('zlib');
var http = require('http');
var fs = require('fs');
return http.createServer(function(request, response) {
  var raw = fs.createReadStream('index.html');
  var acceptEncoding = request.headers['accept-encoding'];
  if (!acceptEncoding) {
    acceptEncoding = '';
  }

  // Note: this is not a conformant accept-encoding parser.
  // See http://www.w3.org/Protocols/rfc2616/rfc2616-sec14.html#sec14.3
  if (acceptEncoding.match(/\bdeflate\b/)) {
    response.writeHead(200, { 'content-encoding': 'deflate' });
    raw.pipe(zlib.createDeflate()).pipe(response);
  } else if (acceptEncoding.match(/\bgzip\b/)) {
    response.writeHead(200, { 'content-encoding': 'gzip' });
    raw.pipe(zlib.createGzip()).pipe(response);
  } else {
    response.writeHead(200, {});
    raw.pipe(response);
  }
}).listen(0);  // adaptation: was 1337
})();

server.on('listening', function () {
// client request example
var zlib = require('zlib');
var http = require('http');
var fs = require('fs');
var request = http.get({ host: '127.0.0.1',  // adaptation: was 'izs.me'
                         path: '/',
                         port: server.address().port,  // adaptation: was 80
                         headers: { 'accept-encoding': 'gzip,deflate' } });
request.on('response', function(response) {
  var output = fs.createWriteStream('izs.me_index.html');
  output.on('close', function () { server.close(); });  // adaptation

  switch (response.headers['content-encoding']) {
    // or, just use zlib.createUnzip() to handle both cases
    case 'gzip':
      response.pipe(zlib.createGunzip()).pipe(output);
      break;
    case 'deflate':
      response.pipe(zlib.createInflate()).pipe(output);
      break;
    default:
      response.pipe(output);
      break;
  }
});
});
process.on('exit', function () {
  var fs = require('fs');
  assert.strictEqual(fs.readFileSync('izs.me_index.html', 'utf8'), '<html>hello</html>\n');
});
