// Run by //runtime/builtins:make_code_cache at build time: loads and exercises the builtins a
// typical program uses (console, timers, fs, path, module, a hello-world HTTP server and client),
// so that the code cache written at exit holds the functions that actually ran, not only the
// modules' top level. Usage: make_code_cache code_cache_training.js <output.cc>
var out = process.argv[2];
if (!out) throw new Error('usage: code_cache_training.js <output.cc>');

var fs = require('fs');
var path = require('path');
var util = require('util');
var events = require('events');
var http = require('http');
var url = require('url');
var querystring = require('querystring');
var assert = require('assert');
require('tty');
require('os');

console.log('training %s', util.inspect({ a: [1, 2], b: 'c' }));
console.log(path.join(__dirname, 'x', '..', 'y'), path.resolve('a'));
fs.readFileSync(__filename, 'utf8');
fs.existsSync(__filename);
assert.ok(querystring.parse('a=1&b=2').b === '2');
url.parse('http://example.com:80/p?q=1#h');
var e = new events.EventEmitter();
e.on('x', function(a) {});
e.emit('x', 1);
new Buffer('hello').toString('base64');
process.nextTick(function() {});
setTimeout(function() {}, 1);

var server = http.createServer(function(req, res) {
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end('Hello World\n');
});
server.listen(0, '127.0.0.1', function() {
  http.get({ host: '127.0.0.1', port: server.address().port, path: '/' }, function(res) {
    res.setEncoding('utf8');
    res.on('data', function() {});
    res.on('end', function() { server.close(); });
  }).on('error', function(err) {
    // A sandbox without loopback still gets a cache for everything else.
    console.error('training request failed: ' + err.message);
    server.close();
  });
});

process.on('exit', function() {
  var bytes = _writeBuiltinCodeCache(out);
  console.error('code cache: %d bytes', bytes);
});
