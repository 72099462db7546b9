// Native methods that take a stream handle as an argument must refuse any other native object:
// an HTTPParser's consume() given a zlib handle (whose internal field also holds a pointer) used
// to read it as a stream handle and crash. Now HandleWrap objects carry a tag that only they set,
// and everything else is a TypeError (or, for pipeTo, UV_EINVAL), never a crash.
require('../common');
var assert = require('assert');

var HTTPParser = process.binding('http_parser').HTTPParser;
var Zlib = process.binding('zlib').Zlib;
var TCP = process.binding('tcp_wrap').TCP;
var Pipe = process.binding('pipe_wrap').Pipe;
var Hash = process.binding('crypto').Hash;

var foreign = [new Zlib(1), new HTTPParser(HTTPParser.REQUEST), new Hash('sha1'), {}, null];

foreign.forEach(function(other) {
  var parser = new HTTPParser(HTTPParser.REQUEST);
  assert.throws(function() { parser.consume(other); }, TypeError);
  var tcp = new TCP();
  var result;
  try { result = tcp.pipeTo(other); } catch (e) { result = e; }
  assert.ok(result instanceof TypeError || typeof result === 'number' && result < 0,
            String(result));
  tcp.close();
  var pipe = new Pipe(true);
  var req = { oncomplete: function() {} };
  try { pipe.writeWithHandle(req, 'x\n', other); } catch (e) {}
  pipe.close();
});

// A closed handle is refused too.
var closed = new TCP();
closed.close();
assert.throws(function() { new HTTPParser(HTTPParser.REQUEST).consume(closed); }, TypeError);
