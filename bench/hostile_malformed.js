// Load generator for bench/hostile_malformed.sh (runs under `node`): TOTAL (default 10,000)
// malformed HTTP requests against 127.0.0.1:PORT, CONCURRENCY (default 32) connections at a time,
// one junk request per connection, generated from a fixed seed in these kinds:
//   request-line   bad methods, versions, URIs, NULs and control bytes in the request line
//   oversized      a header line or header block over 100 KB
//   chunked        Transfer-Encoding: chunked with bad chunk sizes, extensions and terminators
//   crlf           CRLF/LF junk, header lines without a colon, spaces before the colon
//   length         negative, non-numeric, duplicate and conflicting Content-Length
//   garbage        random bytes
//   truncated      a valid request cut at a random point; the client then half-closes (FIN)
// plus HELD (default 50) connections opened first that send a partial head and never finish or
// close: they show how long the server keeps a peer that never completes its headers.
// For each junk connection the outcome is recorded: the first status line's code, or `closed`
// (EOF without a response), `reset` (ECONNRESET), or `held` (still open after HOLD_MS, default
// 10 s, when the client gives up). Every 500 junk connections a normal GET must get a 200.
// Samples the server (PID) fds and VmRSS at the start (after WARMUP normal requests), after the
// junk, and again once every connection is gone and the server had SETTLE_MS (3 s) of quiet.
// Prints one JSON object.
//   node bench/hostile_malformed.js PORT PID [TOTAL] [CONCURRENCY]
'use strict';
var net = require('net');
var fs = require('fs');

var port = Number(process.argv[2]);
var pid = Number(process.argv[3]);
var total = Number(process.argv[4] || 10000);
var concurrency = Number(process.argv[5] || 32);
var heldCount = Number(process.env.HELD || 50);
var holdMs = Number(process.env.HOLD_MS || 10000);
var heldWaitMs = Number(process.env.HELD_WAIT_MS || 150000);
var settleMs = Number(process.env.SETTLE_MS || 3000);

var seed = 12345;
function rand(n) {
  seed = (seed * 1103515245 + 12345) >>> 0;
  return (seed >>> 8) % n;
}
function pick(list) { return list[rand(list.length)]; }
function randomBytes(n) {
  var b = Buffer.alloc(n);
  for (var i = 0; i < n; i++) b[i] = rand(256);
  return b;
}
function repeat(s, n) { return new Array(n + 1).join(s); }

var valid = 'GET /index.html?x=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: t\r\nAccept: */*\r\n\r\n';
var kinds = {
  'request-line': function () {
    return pick([
      'GET\r\n\r\n', 'GET / HTTP/9.9\r\n\r\n', 'G\x00T / HTTP/1.1\r\n\r\n', 'GET /\x01 HTTP/1.1\r\n\r\n',
      ' / HTTP/1.1\r\n\r\n', 'GET / HTTP/1.1 extra\r\n\r\n', 'GET  HTTP/1.1\r\n\r\n',
      'BREW /pot HTTP/1.1\r\n\r\n', 'GET / HTP/1.1\r\n\r\n', 'GET / HTTP/1.\r\n\r\n',
      repeat('A', 10000 + rand(90000)) + ' / HTTP/1.1\r\n\r\n',
      'GET /' + repeat('a', 100000) + ' HTTP/1.1\r\n\r\n',
      'GET / HTTP/1.1\r\r\n\r\n', 'GET /\r\nHTTP/1.1\r\n\r\n', '\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03'
    ]);
  },
  oversized: function () {
    return pick([
      'GET / HTTP/1.1\r\nX-Big: ' + repeat('v', 100000 + rand(100000)) + '\r\n\r\n',
      'GET / HTTP/1.1\r\n' + repeat('X-Many: 1\r\n', 12000) + '\r\n',
      'GET / HTTP/1.1\r\n' + repeat('k', 100000) + ': v\r\n\r\n'
    ]);
  },
  chunked: function () {
    var head = 'POST /up HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n';
    return head + pick([
      'zz\r\nhello\r\n0\r\n\r\n', 'ffffffffffffffffffff\r\n', '-5\r\nhello\r\n0\r\n\r\n',
      '5\r\nhelloXX0\r\n\r\n', '5;' + repeat('e', 100000) + '\r\nhello\r\n0\r\n\r\n',
      '5\r\nhello\r\n0\r\nTrailer: ' + repeat('t', 100000) + '\r\n\r\n', '\r\n\r\n', '5 5\r\nhello\r\n0\r\n\r\n',
      '0x5\r\nhello\r\n0\r\n\r\n'
    ]);
  },
  crlf: function () {
    return pick([
      repeat('\r\n', 1 + rand(5000)) + 'junk', 'GET / HTTP/1.1\r\nNoColonHere\r\n\r\n',
      'GET / HTTP/1.1\r\nHost : x\r\n\r\n', 'GET / HTTP/1.1\nHost: x\n\rjunk\n\n',
      'GET / HTTP/1.1\r\n\x00: x\r\n\r\n', 'GET / HTTP/1.1\r\nA: b\rc\r\n\r\n',
      'GET / HTTP/1.1\r\n\r\r\r\r\n', '\n\n\n\n\x7f\r\n\r\n', 'GET / HTTP/1.1\r\nA:\x01\x02\r\n\r\n'
    ]);
  },
  length: function () {
    return 'POST / HTTP/1.1\r\nHost: h\r\n' + pick([
      'Content-Length: -1\r\n\r\n', 'Content-Length: abc\r\n\r\nabc',
      'Content-Length: 3\r\nContent-Length: 5\r\n\r\nabcde',
      'Content-Length: 99999999999999999999999\r\n\r\n',
      'Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n',
      'Content-Length: 1 2\r\n\r\nab', 'Transfer-Encoding: gzip, chunked\r\nTransfer-Encoding: x\r\n\r\nzz'
    ]);
  },
  garbage: function () { return randomBytes(1 + rand(4096)); },
  truncated: function () { return valid.slice(0, 1 + rand(valid.length - 5)); }
};
var kindNames = Object.keys(kinds);

var started = Date.now();
var samples = [];
function sample(label) {
  var fds = fs.readdirSync('/proc/' + pid + '/fd').length;
  var rss = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync('/proc/' + pid + '/status', 'utf8'))[1]);
  samples.push({ label: label, fds: fds, rssKB: rss, ms: Date.now() - started });
}

// One plain GET on a new connection; calls back with the status code (or an error string).
function normalRequest(cb) {
  var socket = net.connect(port, '127.0.0.1');
  var data = '';
  var called = false;
  function finish(result) {
    if (called) return;
    called = true;
    socket.destroy();
    cb(result);
  }
  socket.setTimeout(10000, function () { finish('timeout'); });
  socket.on('connect', function () { socket.write('GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n'); });
  socket.on('data', function (d) {
    data += d.toString('latin1');
    if (data.indexOf('\r\n') > 0) finish(Number(data.slice(9, 12)));
  });
  socket.on('error', function (e) { finish(e.code); });
  socket.on('close', function () { finish('closed'); });
}

var outcomes = {};   // kind -> outcome -> count
var worstMs = 0;     // longest a junk connection stayed open (server side close or reset)
var normalFailures = [];
var normalOk = 0;

function junk(kind, cb) {
  var payload = kinds[kind]();
  var socket = net.connect(port, '127.0.0.1');
  var t0 = Date.now();
  var head = '';
  var outcome = null;
  var timer = setTimeout(function () { settle('held'); socket.destroy(); }, holdMs);
  function settle(what) {
    if (outcome !== null) return;
    outcome = what;
    clearTimeout(timer);
    if (what !== 'held') worstMs = Math.max(worstMs, Date.now() - t0);
    var byKind = outcomes[kind] || (outcomes[kind] = {});
    byKind[what] = (byKind[what] || 0) + 1;
    cb();
  }
  socket.on('connect', function () {
    socket.write(payload, function () {
      if (kind === 'truncated') socket.end();
    });
  });
  socket.on('data', function (d) {
    if (head.length < 16) head += d.toString('latin1');
    if (head.length >= 12 && outcome === null) {
      var code = /^HTTP\/1\.[01] (\d{3})/.exec(head);
      outcomeCode = code ? code[1] : 'junk-reply';
      // Wait for the close: a junk connection should not stay open after its error response.
      socket.on('close', function () { settle(outcomeCode); });
      socket.end();
    }
  });
  var outcomeCode = null;
  socket.on('error', function (e) {
    settle(outcomeCode !== null ? outcomeCode : (e.code === 'ECONNRESET' ? 'reset' : e.code));
  });
  socket.on('close', function () { if (outcomeCode === null) settle('closed'); });
}

// Held connections: a partial head, never finished, never closed by the client.
var held = [];
function openHeld() {
  for (var i = 0; i < heldCount; i++) {
    (function () {
      var s = net.connect(port, '127.0.0.1');
      var h = { socket: s, t0: Date.now(), closedAfterMs: null, givenUp: false };
      s.on('connect', function () { s.write('GET /slow HTTP/1.1\r\nHost: h\r\nX-Slow: '); });
      s.on('error', function () {});
      // Read whatever comes (a 408): a stream nobody reads never sees its 'end', so never 'close'.
      s.on('data', function () {});
      s.on('close', function () {
        if (h.closedAfterMs === null && !h.givenUp) h.closedAfterMs = Date.now() - h.t0;
      });
      held.push(h);
    })();
  }
}

function warmup(n, cb) {
  if (n === 0) return cb();
  normalRequest(function (r) {
    if (r !== 200) normalFailures.push('warmup: ' + r);
    warmup(n - 1, cb);
  });
}

var launched = 0;
var finished = 0;
function pump(done) {
  while (launched < total && launched - finished < concurrency) {
    var kind = kindNames[launched % kindNames.length];
    launched++;
    if (launched % 500 === 0) {
      normalRequest(function (r) {
        if (r === 200) normalOk++;
        else normalFailures.push('after ' + finished + ' junk: ' + r);
      });
    }
    junk(kind, function () {
      finished++;
      if (finished === total) return done();
      pump(done);
    });
  }
}

warmup(Number(process.env.WARMUP || 200), function () {
  setTimeout(function () {
    sample('start');
    openHeld();
    var junkStart = Date.now();
    pump(function () {
      var junkSeconds = (Date.now() - junkStart) / 1000;
      sample('after-junk');
      // Wait until the server has closed every held connection, or HELD_WAIT_MS.
      var waitStart = Date.now();
      (function waitHeld() {
        var open = held.filter(function (h) { return h.closedAfterMs === null; }).length;
        if (open > 0 && Date.now() - waitStart < heldWaitMs) return setTimeout(waitHeld, 500);
        held.forEach(function (h) {
          h.givenUp = true;
          h.socket.destroy();
        });
        normalRequest(function (r) {
          if (r === 200) normalOk++;
          else normalFailures.push('at the end: ' + r);
          setTimeout(function () {
            sample('settled');
            var heldTimes = held.map(function (h) { return h.closedAfterMs; });
            console.log(JSON.stringify({
              total: total, concurrency: concurrency, junkSeconds: junkSeconds,
              outcomes: outcomes, worstJunkMs: worstMs, normalOk: normalOk,
              normalFailures: normalFailures, held: heldCount,
              heldClosedByServer: heldTimes.filter(function (t) { return t !== null; }).length,
              heldMaxMs: Math.max.apply(null, heldTimes.map(function (t) { return t === null ? 0 : t; })),
              heldMinMs: Math.min.apply(null, heldTimes.map(function (t) { return t === null ? Infinity : t; })),
              heldWaitMs: heldWaitMs,
              samples: samples
            }));
            process.exit(0);
          }, settleMs);
        });
      })();
    });
  }, 1000);
});
