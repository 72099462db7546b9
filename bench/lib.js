// bench/lib.js <case>: one library throughput case, run for a fixed wall-clock time after a
// warm-up, under any of Nodus, node or bun (v0.6-era API only: require('https'), new Buffer(),
// callbacks). Prints one JSON line {case, value, unit, n, ms, cpu}: value per wall-clock second
// (or ms), cpu the same per CPU second of the process (or its CPU ms); bench/lib.sh runs every
// case under each runtime and compares. MB = 2^20 bytes.
//
// Cases (env knobs in brackets):
//   gzip, gunzip            zlib.gzip / zlib.gunzip of 1 MB of text-like data (MB/s of the
//                           uncompressed side)
//   md5, sha1, sha256       crypto.createHash(alg).update(1 MB Buffer).digest('hex'), MB/s
//   sha1_64                 the same on a 64-character string, hashes/s
//   hmac_64                 createHmac('sha256', key).update(64 characters).digest('hex'), HMACs/s
//   readfile                fs.readFile of a 16 MB file, MB/s           [LIB_FILE]
//   readstream              fs.createReadStream of it, bytes counted on 'data', MB/s
//   https_handshake         https GET with agent: false (a new TLS connection each), server and
//                           client in this process, 4 at a time, handshakes/s   [LIB_TLS_DIR]
//   https_bulk              one https GET whose body is 64 KB writes for the whole run, server
//                           and client in this process, MB/s received          [LIB_TLS_DIR]
//   http_client             http.get through an Agent (maxSockets 5, 10 requests outstanding)
//                           against the server at LIB_HTTP_PORT (or one in this process), req/s
//   require_npm             require() of npm 1.1's lib/npm.js, ms (one load per process) [NPM_DIR]
//   require_npm_all         the same, then npm.load() (its config files) and every command's
//                           module (the rest of lib/), ms
// LIB_MS (default 1500) is the measured time, LIB_WARMUP_MS (default 300) the warm-up.
var fs = require('fs');

try {
  process.noDeprecation = true;  // new Buffer() warns on current node
} catch (e) {}

var name = process.argv[2];
var RUN_MS = +(process.env.LIB_MS || 1500);
var WARMUP_MS = +(process.env.LIB_WARMUP_MS || 300);
var MB = 1024 * 1024;
var tmpdir = process.env.TMPDIR || '/tmp';

function now() {
  var t = process.hrtime();
  return t[0] * 1e3 + t[1] / 1e6;
}

// CPU time (user + system, all threads) this process has used, in ms, from /proc/self/stat
// (clock ticks of 10 ms), which every runtime can read the same way.
function cpuMs() {
  var stat = fs.readFileSync('/proc/self/stat', 'utf8');
  var fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (+fields[11] + +fields[12]) * 10;
}

// The measured part starts: CPU time is counted from here.
var cpuStart = 0;
function markStart() {
  cpuStart = cpuMs();
}

// Prints the result. `cpu` is the rate per CPU second instead of per wall-clock second (for a
// time, the CPU time), or null when too little CPU time passed to count.
function report(value, unit, n, ms) {
  var cpu = cpuMs() - cpuStart;
  var perCpu = unit === 'ms' ? cpu : cpu >= 100 ? value * ms / cpu : null;
  console.log(JSON.stringify({case: name, value: Math.round(value * 100) / 100, unit: unit,
                              n: n, ms: Math.round(ms),
                              cpu: perCpu === null ? null : Math.round(perCpu * 100) / 100}));
}

// Runs op(cb) `conc` at a time, first for WARMUP_MS, then for RUN_MS; calls done(n, ms) with the
// number of operations completed in the measured part and its length.
function loop(op, conc, done) {
  var phase = 0;  // 0: warm-up, 1: measuring, 2: stopping
  var t0 = now();
  var n = 0;
  function start() {
    op(function(err) {
      if (phase === 2) return;  // operations still in flight when the measurement ended
      if (err) throw err;
      if (phase === 1) n++;
      var t = now();
      if (phase === 0 && t - t0 >= WARMUP_MS) {
        phase = 1;
        markStart();
        t0 = now();
      } else if (phase === 1 && t - t0 >= RUN_MS) {
        phase = 2;
        done(n, t - t0);
      }
      if (phase < 2) start();
    });
  }
  for (var i = 0; i < conc; i++) start();
}

// The same for a synchronous op(): returns [n, ms].
function loopSync(op) {
  var t0 = now();
  while (now() - t0 < WARMUP_MS) op();
  var n = 0;
  markStart();
  t0 = now();
  var t;
  do {
    for (var i = 0; i < 8; i++) op();
    n += 8;
    t = now();
  } while (t - t0 < RUN_MS);
  return [n, t - t0];
}

// Text-like data that compresses about as well as JSON or HTML (3-4x), made from a fixed seed so
// every runtime compresses the same bytes.
function textData(bytes) {
  var words = ['the', 'request', 'server', 'buffer', 'stream', 'event', 'callback', 'function',
               'module', 'error', 'socket', 'connection', '{"id":', '"name":', '</div>', '<p>'];
  var seed = 12345;
  function rand() {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed;
  }
  var buf = new Buffer(bytes);
  var off = 0;
  while (off < bytes) {
    var r = rand();
    var w = (r & 7) < 5 ? words[(r >> 3) & 15] : String((r >> 4) % 100000);
    off += buf.write(w + ' ', off, 'ascii');
  }
  return buf;
}

function ensureFile(bytes) {
  var file = process.env.LIB_FILE;
  if (file) return file;
  file = tmpdir + '/nodus-lib-bench.' + process.pid;
  fs.writeFileSync(file, textData(bytes));
  process.on('exit', function() { fs.unlinkSync(file); });
  return file;
}

function tlsOptions() {
  var dir = process.env.LIB_TLS_DIR;
  if (!dir) throw new Error('LIB_TLS_DIR must name a folder with key.pem and cert.pem');
  return {key: fs.readFileSync(dir + '/key.pem'), cert: fs.readFileSync(dir + '/cert.pem')};
}

function hashCase(alg) {
  var crypto = require('crypto');
  var data = textData(MB);
  var sink = '';
  var r = loopSync(function() {
    sink = crypto.createHash(alg).update(data).digest('hex');
  });
  report(r[0] * data.length / MB / (r[1] / 1000), 'MB/s', r[0], r[1]);
}

var cases = {
  gzip: function() {
    var zlib = require('zlib');
    var data = textData(MB);
    loop(function(cb) {
      zlib.gzip(data, function(err, out) { cb(err); });
    }, 1, function(n, ms) { report(n * data.length / MB / (ms / 1000), 'MB/s', n, ms); });
  },
  gunzip: function() {
    var zlib = require('zlib');
    var data = textData(MB);
    zlib.gzip(data, function(err, gz) {
      if (err) throw err;
      loop(function(cb) {
        zlib.gunzip(gz, function(err, out) {
          if (!err && out.length !== data.length) err = new Error('gunzip: wrong length');
          cb(err);
        });
      }, 1, function(n, ms) { report(n * data.length / MB / (ms / 1000), 'MB/s', n, ms); });
    });
  },
  md5: function() { hashCase('md5'); },
  sha1: function() { hashCase('sha1'); },
  sha256: function() { hashCase('sha256'); },
  sha1_64: function() {
    var crypto = require('crypto');
    var s = new Array(65).join('x');
    var sink = '';
    var r = loopSync(function() {
      sink = crypto.createHash('sha1').update(s).digest('hex');
    });
    report(r[0] / (r[1] / 1000), 'hashes/s', r[0], r[1]);
  },
  hmac_64: function() {
    var crypto = require('crypto');
    var s = new Array(65).join('x');
    var sink = '';
    var r = loopSync(function() {
      sink = crypto.createHmac('sha256', 'a secret key').update(s).digest('hex');
    });
    report(r[0] / (r[1] / 1000), 'HMACs/s', r[0], r[1]);
  },
  readfile: function() {
    var file = ensureFile(16 * MB);
    var size = fs.statSync(file).size;
    loop(function(cb) {
      fs.readFile(file, function(err, data) {
        if (!err && data.length !== size) err = new Error('readFile: wrong length');
        cb(err);
      });
    }, 1, function(n, ms) { report(n * size / MB / (ms / 1000), 'MB/s', n, ms); });
  },
  readstream: function() {
    var file = ensureFile(16 * MB);
    var size = fs.statSync(file).size;
    loop(function(cb) {
      var got = 0;
      var s = fs.createReadStream(file);
      s.on('data', function(chunk) { got += chunk.length; });
      s.on('error', cb);
      s.on('end', function() {
        cb(got === size ? null : new Error('createReadStream: wrong length'));
      });
    }, 1, function(n, ms) { report(n * size / MB / (ms / 1000), 'MB/s', n, ms); });
  },
  https_handshake: function() {
    var https = require('https');
    var server = https.createServer(tlsOptions(), function(req, res) {
      res.writeHead(200, {'Content-Type': 'text/plain', 'Content-Length': '6'});
      res.end('hello\n');
    });
    server.listen(0, '127.0.0.1', function() {
      var port = server.address().port;
      loop(function(cb) {
        var req = https.request({host: '127.0.0.1', port: port, path: '/', agent: false,
                                 rejectUnauthorized: false}, function(res) {
          res.on('data', function() {});
          res.on('end', function() { cb(); });
        });
        req.on('error', cb);
        req.end();
      }, 4, function(n, ms) {
        report(n / (ms / 1000), 'handshakes/s', n, ms);
        process.exit(0);  // without waiting for the requests still in flight
      });
    });
  },
  https_bulk: function() {
    var https = require('https');
    var chunk = textData(64 * 1024);
    var server = https.createServer(tlsOptions(), function(req, res) {
      var until = now() + +req.url.slice(1);
      res.writeHead(200, {'Content-Type': 'application/octet-stream'});
      function write() {
        while (now() < until) {
          if (!res.write(chunk)) return;
        }
        res.end();
      }
      res.on('drain', write);
      write();
    });
    function get(port, ms, cb) {
      var req = https.request({host: '127.0.0.1', port: port, path: '/' + ms, agent: false,
                               rejectUnauthorized: false}, function(res) {
        var got = 0;
        var t0 = now();
        res.on('data', function(d) { got += d.length; });
        res.on('end', function() { cb(got, now() - t0); });
      });
      req.on('error', function(e) { throw e; });
      req.end();
    }
    server.listen(0, '127.0.0.1', function() {
      var port = server.address().port;
      get(port, WARMUP_MS, function() {
        markStart();
        get(port, RUN_MS, function(bytes, ms) {
          report(bytes / MB / (ms / 1000), 'MB/s', bytes, ms);
          process.exit(0);
        });
      });
    });
  },
  http_client: function() {
    var http = require('http');
    var agent = new http.Agent({maxSockets: 5});
    function run(port, server) {
      loop(function(cb) {
        var req = http.get({host: '127.0.0.1', port: port, path: '/', agent: agent}, function(res) {
          res.on('data', function() {});
          res.on('end', function() { cb(); });
        });
        req.on('error', cb);
      }, 10, function(n, ms) {
        report(n / (ms / 1000), 'req/s', n, ms);
        process.exit(0);  // without waiting for the requests still in flight
      });
    }
    if (process.env.LIB_HTTP_PORT) return run(+process.env.LIB_HTTP_PORT, null);
    var server = http.createServer(function(req, res) {
      res.writeHead(200, {'Content-Type': 'text/plain'});
      res.end('Hello World\n');
    });
    server.listen(0, '127.0.0.1', function() { run(server.address().port, server); });
  },
  require_npm: function() {
    var dir = process.env.NPM_DIR;
    if (!dir) throw new Error('NPM_DIR must name an unpacked npm 1.1');
    markStart();
    var t0 = now();
    var npm = require(dir + '/lib/npm.js');
    var ms = now() - t0;
    if (typeof npm.load !== 'function') throw new Error('npm.load is missing');
    report(ms, 'ms', 1, ms);
    process.exit = function() {};  // npm's exit handler would otherwise complain
  },
  require_npm_all: function() {
    var dir = process.env.NPM_DIR;
    if (!dir) throw new Error('NPM_DIR must name an unpacked npm 1.1');
    markStart();
    var t0 = now();
    var npm = require(dir + '/lib/npm.js');
    // npm keeps its cache and temporary files next to the unpacked tree, not in $HOME.
    npm.load({loglevel: 'silent', cache: dir + '/../.cache', tmp: dir + '/../.tmp'}, function(err) {
      if (err) throw err;
      // Each command's getter requires its module, and those require the rest of lib/.
      var cmds = Object.keys(npm.commands);
      for (var i = 0; i < cmds.length; i++) npm.commands[cmds[i]];
      var ms = now() - t0;
      report(ms, 'ms', cmds.length, ms);
    });
    process.exit = function() {};
  },
};

if (!cases[name]) {
  console.error('usage: lib.js <' + Object.keys(cases).join('|') + '>');
  process.exit(2);
}
cases[name]();
