// Load generator for bench/hostile_keepalive.sh (runs under `node`): TOTAL keep-alive GET
// requests over CONNS connections to 127.0.0.1:PORT, each connection sending its next request
// when the previous response has arrived. Every EVERY responses it samples the server process
// (PID): open descriptors (/proc/PID/fd) and RSS (VmRSS). After the last response it keeps the
// connections open and idle for IDLE_MS and samples ("idle"), then closes them, waits again and
// samples ("closed"). Prints one JSON object: the samples and the request count.
//   node bench/hostile_keepalive.js PORT PID [TOTAL=1000000] [CONNS=8] [EVERY=50000]
'use strict';
var net = require('net');
var fs = require('fs');

var port = Number(process.argv[2]);
var pid = Number(process.argv[3]);
var total = Number(process.argv[4] || 1000000);
var conns = Number(process.argv[5] || 8);
var every = Number(process.argv[6] || 50000);
var idleMs = Number(process.env.IDLE_MS || 3000);

var request = Buffer.from('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n');
var sent = 0;
var done = 0;
var bad = 0;
var samples = [];
var started = Date.now();
var sockets = [];

function sample(label) {
  var fds = fs.readdirSync('/proc/' + pid + '/fd').length;
  var status = fs.readFileSync('/proc/' + pid + '/status', 'utf8');
  var rss = Number(/VmRSS:\s+(\d+)/.exec(status)[1]);
  samples.push({ label: label, requests: done, fds: fds, rssKB: rss, ms: Date.now() - started });
}

// Reads responses off one connection: a head, then a Content-Length body or a chunked one.
function Reader(onResponse) {
  this.buf = Buffer.alloc(0);
  this.onResponse = onResponse;
}
Reader.prototype.push = function (chunk) {
  this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
  for (;;) {
    var end = this.buf.indexOf('\r\n\r\n');
    if (end < 0) return;
    var head = this.buf.toString('latin1', 0, end);
    var status = Number(head.slice(9, 12));
    var pos = end + 4;
    var m = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    if (m) {
      var len = Number(m[1]);
      if (this.buf.length < pos + len) return;
      pos += len;
    } else if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
      for (;;) {
        var lineEnd = this.buf.indexOf('\r\n', pos);
        if (lineEnd < 0) return;
        var size = parseInt(this.buf.toString('latin1', pos, lineEnd), 16);
        if (this.buf.length < lineEnd + 2 + size + 2) return;
        pos = lineEnd + 2 + size + 2;
        if (size === 0) break;
      }
    }
    this.buf = this.buf.subarray(pos);
    this.onResponse(status);
  }
};

function next(socket) {
  if (sent >= total) return;
  sent++;
  socket.write(request);
}

function onResponse(socket, status) {
  if (status !== 200) bad++;
  done++;
  if (done % every === 0) sample('load');
  if (done === total) return finish();
  next(socket);
}

function finish() {
  setTimeout(function () {
    sample('idle');
    sockets.forEach(function (s) { s.destroy(); });
    setTimeout(function () {
      sample('closed');
      console.log(JSON.stringify({ total: total, conns: conns, non200: bad,
                                   seconds: (Date.now() - started) / 1000, samples: samples }));
      process.exit(0);
    }, idleMs);
  }, idleMs);
}

sample('start');
for (var i = 0; i < conns; i++) {
  (function () {
    var socket = net.connect(port, '127.0.0.1');
    socket.setNoDelay(true);
    var reader = new Reader(function (status) { onResponse(socket, status); });
    socket.on('data', function (chunk) { reader.push(chunk); });
    socket.on('error', function (e) {
      console.error('connection error: ' + e.message);
      process.exit(1);
    });
    socket.on('close', function () {
      if (done < total) {
        console.error('the server closed a keep-alive connection after ' + done + ' responses');
        process.exit(1);
      }
    });
    socket.on('connect', function () { next(socket); });
    sockets.push(socket);
  })();
}
