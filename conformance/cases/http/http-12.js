// http.markdown example 12: a response with a Trailer header and addTrailers().
// adaptation: `response` is the response of a local server started here and `fileData` some
// data defined here; a client checks the body and that the trailer arrives in res.trailers.
var assert = require('assert');
var http = require('http');

var fileData = 'the contents of a file\n';  // adaptation
var server = http.createServer(function(request, response) {
  response.writeHead(200, { 'Content-Type': 'text/plain',
                            'Trailer': 'Content-MD5' });
  response.write(fileData);
  response.addTrailers({'Content-MD5': "7895bf4b8828b55ceaf47747b4bca667"});
  response.end();
});
var checked = false;
server.listen(0, function() {
  http.get({port: server.address().port, path: '/'}, function(res) {
    assert.strictEqual(res.headers.trailer, 'Content-MD5');
    var body = '';
    res.setEncoding('utf8');
    res.on('data', function(chunk) { body += chunk; });
    res.on('end', function() {
      assert.strictEqual(body, fileData);
      assert.deepEqual(res.trailers, {'content-md5': '7895bf4b8828b55ceaf47747b4bca667'});
      checked = true;
      server.close();
    });
  });
});
process.on('exit', function() { assert.ok(checked); });
