// tls.markdown example 6: a tls client piping stdin to the server.
// adaptation: `server` is a local tls echo server (tls-4's options) on port 0; the stdin is
// tls-6.stdin; the client ends when stdin ends; tls-6.out is the expected output.
process.chdir(__dirname);
var server = require('tls').createServer({
  key: require('fs').readFileSync('server-key.pem'),
  cert: require('fs').readFileSync('server-cert.pem')
}, function (s) { s.pipe(s); }).listen(0, function () {
var tls = require('tls');
var fs = require('fs');

var options = {
  // These are necessary only if using the client certificate authentication
  key: fs.readFileSync('client-key.pem'),
  cert: fs.readFileSync('client-cert.pem'),

  // This is necessary only if the server uses the self-signed certificate
  ca: [ fs.readFileSync('server-cert.pem') ]
};

var cleartextStream = tls.connect(server.address().port, options, function() {  // was 8000
  console.log('client connected',
              cleartextStream.authorized ? 'authorized' : 'unauthorized');
  process.stdin.pipe(cleartextStream);
  process.stdin.resume();
});
cleartextStream.setEncoding('utf8');
cleartextStream.on('data', function(data) {
  console.log(data);
});
cleartextStream.on('end', function() {
  server.close();
});
});
