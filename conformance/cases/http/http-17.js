// http.markdown example 17: listening for 'data' inside 'response' ("Good") versus later
// ("Bad").
// adaptation: `request` is a request to a local server started here (the doc leaves it
// undefined), made once for each of the two patterns; the body lines are recorded. The check:
// the good pattern gets the whole body. (The bad one may miss all or part of it, as the doc
// says, so only that it does not throw is checked.)
var assert = require('assert');
var http = require('http');

var server = http.createServer(function(req, res) {
  res.writeHead(200, {'Content-Type': 'text/plain'});
  res.end('the body');
});
var good = [];
var pending = 2;
function finished() { if (--pending === 0) server.close(); }

server.listen(0, function() {
  var port = server.address().port;
  var request = http.get({port: port, path: '/good'});  // adaptation

// Good
request.on('response', function (response) {
  response.on('data', function (chunk) {
    console.log('BODY: ' + chunk);
    good.push('BODY: ' + chunk);  // adaptation
  });
  response.on('end', finished);  // adaptation
});

  request = http.get({port: port, path: '/bad'});  // adaptation

// Bad - misses all or part of the body
request.on('response', function (response) {
  setTimeout(function () {
    response.on('data', function (chunk) {
      console.log('BODY: ' + chunk);
    });
    finished();  // adaptation
  }, 10);
});
});

process.on('exit', function() { assert.deepEqual(good, ['BODY: the body']); });
