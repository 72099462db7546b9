// bench/js_hot.js <case> <n>: a fixed amount of work on one of the plain-JS hot paths, under
// either runtime (Nodus or node). n = 0 does the set-up alone, so that
// (cost(n) - cost(0)) / n is the cost of one operation (bench/js_hot.sh measures instructions
// with callgrind, and wall time). Prints one line: the case, n and a checksum, so that the work
// cannot be optimized away and both runtimes can be seen to do the same thing.
var EventEmitter = require('events').EventEmitter;
var util = require('util');

var name = process.argv[2];
var n = +process.argv[3];
var sum = 0;

function done() {
  console.log(name + ' ' + n + ' ' + sum);
}

function emitter(listeners) {
  var e = new EventEmitter();
  for (var i = 0; i < listeners; i++) {
    e.on('x', function(a, b, c) { sum += (a | 0) + 1; });
  }
  return e;
}

var cases = {
  // emit with 0-3 arguments to one listener, and one argument to three listeners.
  emit0: function() {
    var e = emitter(1);
    for (var i = 0; i < n; i++) e.emit('x');
    done();
  },
  emit1: function() {
    var e = emitter(1);
    for (var i = 0; i < n; i++) e.emit('x', i);
    done();
  },
  emit2: function() {
    var e = emitter(1);
    for (var i = 0; i < n; i++) e.emit('x', i, 2);
    done();
  },
  emit3: function() {
    var e = emitter(1);
    for (var i = 0; i < n; i++) e.emit('x', i, 2, 3);
    done();
  },
  emit_many: function() {
    var e = emitter(3);
    for (var i = 0; i < n; i++) e.emit('x', i);
    done();
  },
  // emit of an event nobody listens to (every 'newListener', most 'end's).
  emit_none: function() {
    var e = emitter(1);
    for (var i = 0; i < n; i++) e.emit('y', i);
    sum = n;
    done();
  },
  // on + removeListener pairs (with the 'newListener' emit each add makes).
  on_off: function() {
    var e = emitter(1);
    function f() {}
    for (var i = 0; i < n; i++) {
      e.on('y', f);
      e.removeListener('y', f);
    }
    sum = n;
    done();
  },
  // once + emit.
  once: function() {
    var e = new EventEmitter();
    function f(a) { sum += a; }
    for (var i = 0; i < n; i++) {
      e.once('x', f);
      e.emit('x', 1);
    }
    done();
  },
  // n setTimeout(fn, 0), all of which fire.
  timeout: function() {
    function f() { sum++; }
    for (var i = 0; i < n; i++) setTimeout(f, 0);
    setTimeout(done, 1);
  },
  // n setTimeout(fn, 1000) each cleared at once.
  clear: function() {
    function f() { sum += 1000; }
    for (var i = 0; i < n; i++) clearTimeout(setTimeout(f, 1000));
    sum = n;
    done();
  },
  // n setInterval(fn, 1), each cleared by its first call.
  interval: function() {
    function f() { sum++; clearInterval(this); }
    var timers = [];
    for (var i = 0; i < n; i++) setInterval(f, 1);
    setTimeout(done, 2);
  },
  // n process.nextTick(fn), queued at once.
  tick: function() {
    function f() { sum++; }
    for (var i = 0; i < n; i++) process.nextTick(f);
    process.nextTick(done);
  },
  // n process.nextTick chained: each callback queues the next.
  tick_chain: function() {
    var i = 0;
    function f() {
      sum++;
      if (++i < n) process.nextTick(f);
      else done();
    }
    if (n > 0) process.nextTick(f); else done();
  },
  // Buffer#slice of 16 bytes, and toString of a 16-byte ASCII/utf8 slice.
  slice: function() {
    var b = new Buffer(1024);
    b.fill(97);
    for (var i = 0; i < n; i++) sum += b.slice(i & 511, (i & 511) + 16).length;
    done();
  },
  tostring: function() {
    var b = new Buffer('hello world, this is a small buffer');
    for (var i = 0; i < n; i++) sum += b.toString('utf8', 0, 16 + (i & 7)).length;
    done();
  },
  tostring_ascii: function() {
    var b = new Buffer('hello world, this is a small buffer');
    for (var i = 0; i < n; i++) sum += b.toString('ascii', 0, 16 + (i & 7)).length;
    done();
  },
  // Objects of a util.inherits subclass of EventEmitter: construct, add a listener, emit.
  inherits: function() {
    function Thing(x) {
      EventEmitter.call(this);
      this.x = x;
    }
    util.inherits(Thing, EventEmitter);
    Thing.prototype.get = function() { return this.x; };
    function f(v) { sum += v; }
    for (var i = 0; i < n; i++) {
      var t = new Thing(i & 7);
      t.on('v', f);
      t.emit('v', t.get());
    }
    done();
  },
  // stream.pipe between two JS streams: n writes of a small chunk through the pipe.
  pipe: function() {
    var Stream = require('stream');
    var src = new Stream();
    src.readable = true;
    var dst = new Stream();
    dst.writable = true;
    dst.write = function(chunk) { sum += chunk.length; return true; };
    dst.end = function() {};
    src.pipe(dst);
    var chunk = new Buffer(64);
    for (var i = 0; i < n; i++) src.emit('data', chunk);
    src.emit('end');
    done();
  },
  // A listening server's address() (getsockname and the object made of it), n times.
  address: function() {
    var server = require('net').createServer();
    server.listen(0, '127.0.0.1', function() {
      for (var i = 0; i < n; i++) sum += server.address().port > 0 ? 1 : 0;
      server.close();
      done();
    });
  },
  // n UDP round trips: a socket sends 5 bytes to itself, reads them (Buffer and rinfo) and
  // sends again.
  udp: function() {
    var socket = require('dgram').createSocket('udp4');
    var message = new Buffer('hello');
    var port = 0, got = 0;
    socket.on('message', function(bytes, rinfo) {
      sum += bytes.length + (rinfo.port === port ? 1 : 0);
      if (++got < n) socket.send(message, 0, message.length, port, '127.0.0.1');
      else finish();
    });
    function finish() {
      socket.close();
      done();
    }
    socket.on('listening', function() {
      port = socket.address().port;
      if (n > 0) socket.send(message, 0, message.length, port, '127.0.0.1');
      else finish();
    });
    socket.bind(0, '127.0.0.1');
  },
  // n keep-alive requests with six browser-like headers, one at a time over one connection to
  // an http server in the same process (the client is a raw socket): parsing, headers, the
  // response. Both ends are counted.
  http_headers: function() {
    var http = require('http');
    var request = 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
        'User-Agent: Mozilla/5.0 (X11; Linux x86_64)\r\n' +
        'Accept: text/html,application/xhtml+xml\r\nAccept-Language: en-US,en;q=0.5\r\n' +
        'Accept-Encoding: gzip, deflate\r\nConnection: keep-alive\r\n\r\n';
    var server = http.createServer(function(req, res) {
      sum += Object.keys(req.headers).length;
      res.writeHead(200, {'Content-Type': 'text/plain'});
      res.end('Hello World\n');
    });
    server.listen(0, '127.0.0.1', function() {
      var client = require('net').connect(server.address().port, '127.0.0.1');
      var answered = 0;
      function finish() {
        client.end();
        server.close();
        done();
      }
      client.on('connect', function() {
        if (n > 0) client.write(request);
        else finish();
      });
      client.on('data', function() {
        if (++answered < n) client.write(request);
        else finish();
      });
    });
  },
  // A general mix: emit, JSON, string building, closures, arrays.
  mix: function() {
    var e = emitter(2);
    var obj = { a: 1, b: 'two', c: [1, 2, 3], d: { e: true, f: null } };
    for (var i = 0; i < n; i++) {
      e.emit('x', i);
      var s = JSON.stringify(obj);
      var o = JSON.parse(s);
      var parts = [];
      for (var j = 0; j < 8; j++) parts.push('k' + j + '=' + (i + j));
      var str = parts.join('&');
      var add = (function(k) { return function(v) { return v + k; }; })(i);
      sum += add(o.a) + str.length + s.charCodeAt(i % s.length);
    }
    done();
  },
  // Loading a large module tree: npm 1.1's (path in NPM_DIR), once per n.
  npm_load: function() {
    var dir = process.env.NPM_DIR ||
        '/tmp/nodus-ecosystem/prefix/lib/node_modules/npm';
    if (n > 0) {
      var npm = require(dir + '/lib/npm.js');
      sum = Object.keys(npm.commands).length;
      process.exit = function() {};
    }
    done();
  },
};

if (!cases[name] || !(n >= 0)) {
  console.error('usage: js_hot.js <' + Object.keys(cases).join('|') + '> <n>');
  process.exit(2);
}
cases[name]();
