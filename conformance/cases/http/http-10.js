// http.markdown example 10: getHeader reads a queued header, case-insensitively.
// adaptation: `response` is the response of a local server started here, with a Content-Type
// set first (as in example 8) so there is something to read; the value is checked.
var assert = require('assert');
var http = require('http');

var contentTypeSeen;
var server = http.createServer(function(request, response) {
  response.setHeader('Content-Type', 'text/html');  // adaptation
  var contentType = response.getHeader('content-type');
  contentTypeSeen = contentType;  // adaptation
  response.end();
});
server.listen(0, function() {
  http.get({port: server.address().port, path: '/'}, function(res) {
    server.close();
  });
});
process.on('exit', function() { assert.strictEqual(contentTypeSeen, 'text/html'); });
