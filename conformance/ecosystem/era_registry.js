// A registry for npm 1.1 that hides what the era could not have installed. It sits on 127.0.0.1
// in front of the machine's npm registry and serves each package's document without the versions
// npm 1.1 cannot use: dependencies with ranges its semver does not know (`^` arrived with npm
// 1.3.7 in 2013; `npm:`, `file:`, `workspace:` aliases), or `engines.node` asking for more than
// v0.6. So a 2012 package's loose ranges ("*", ">=0.1") resolve to versions that still work with
// npm 1.1, instead of to this year's releases. Publish dates cannot be used for this: the
// registry's dates for old versions are not reliable. A pins file caps chosen packages further.
//
//   node era_registry.js UPSTREAM STATE_DIR [PINS_FILE]
//
// UPSTREAM is the real registry's URL. STATE_DIR/port receives the port once listening.
// PINS_FILE lines: `name max-version` (versions above it are hidden). Tarball URLs still point
// at UPSTREAM. Documents are cached in memory for the life of the process.

var http = require('http');
var https = require('https');
var url = require('url');
var fs = require('fs');
var path = require('path');

var upstream = url.parse(process.argv[2] || '');
var stateDir = process.argv[3];
if (!upstream.hostname || !stateDir) {
  console.error('usage: era_registry.js UPSTREAM STATE_DIR [PINS_FILE]');
  process.exit(2);
}
var pins = {};
if (process.argv[4]) {
  fs.readFileSync(process.argv[4], 'utf8').split('\n').forEach(function(line) {
    var f = line.replace(/#.*/, '').trim().split(/\s+/);
    if (f.length === 2) pins[f[0]] = f[1];
  });
}

function parseVersion(v) {
  var m = /^v?(\d+)\.(\d+)\.(\d+)(.*)$/.exec(String(v).trim());
  return m ? [+m[1], +m[2], +m[3], m[4]] : null;
}

function compare(a, b) {
  var x = parseVersion(a), y = parseVersion(b);
  if (!x || !y) return x ? 1 : y ? -1 : 0;
  for (var i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  if (x[3] === y[3]) return 0;
  if (!x[3]) return 1;             // a release is above its pre-releases
  if (!y[3]) return -1;
  return x[3] < y[3] ? -1 : 1;
}

// Whether v0.6.3 satisfies one comparator of an engines range ("0.6.x", ">=0.4", "~0.6", "20").
function admits063(comparator) {
  var m = /^(>=|<=|>|<|=|~|\^)?\s*v?(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?/.exec(comparator);
  if (!m) return comparator === '' || comparator === '*';
  var op = m[1] || '', parts = [m[2], m[3], m[4]];
  var have = [0, 6, 3];
  var want = [], wild = false;
  for (var i = 0; i < 3; i++) {
    if (parts[i] === undefined || /^[xX*]$/.test(parts[i])) { wild = true; break; }
    want.push(+parts[i]);
  }
  var cmp = 0;
  for (i = 0; i < want.length && cmp === 0; i++) cmp = have[i] < want[i] ? -1 : have[i] > want[i] ? 1 : 0;
  switch (op) {
    case '>=': return cmp >= 0;
    case '>': return wild ? cmp > 0 : cmp > 0;
    case '<': return cmp < 0;
    case '<=': return cmp <= 0;
    case '~': case '^': return cmp >= 0 && have[0] === want[0] && (op === '^' || want.length < 2 || have[1] === want[1]);
    default: return cmp === 0;
  }
}

function engineAdmits063(range) {
  return range.split('||').some(function(alt) {
    alt = alt.trim().replace(/\s+-\s+/, ' - ');
    var hyphen = /^(\S+) - (\S+)$/.exec(alt);
    if (hyphen) return admits063('>=' + hyphen[1]) && admits063('<=' + hyphen[2]);
    return alt.replace(/(>=|<=|>|<|=|~|\^)\s+/g, '$1').split(/\s+/).every(admits063);
  });
}

// Whether npm 1.1 on v0.6 could have installed this version of a package: its engines admit
// v0.6.3, and its dependencies are plain names with ranges npm 1.1's semver reads.
function usable(doc) {
  if (doc.engines && typeof doc.engines === 'object' && typeof doc.engines.node === 'string' &&
      !engineAdmits063(doc.engines.node)) {
    return false;
  }
  var deps = doc.dependencies;
  if (deps && typeof deps === 'object') {
    for (var name in deps) {
      var range = String(deps[name]);
      if (name.charAt(0) === '@' || /\^|^(npm|file|workspace|link):/.test(range)) return false;
    }
  }
  return true;
}

var cache = {};
var tarballs = {};   // name/file -> the upstream URL
var port;

function fetchUpstream(name, cb) {
  if (cache[name]) return process.nextTick(function() { cb(null, cache[name]); });
  var base = upstream.pathname.replace(/\/?$/, '/');
  var req = (upstream.protocol === 'http:' ? http : https).get({
    host: upstream.hostname,
    port: upstream.port || (upstream.protocol === 'http:' ? 80 : 443),
    path: base + encodeURIComponent(name),
    headers: { accept: 'application/json' }
  }, function(res) {
    res.setEncoding('utf8');
    var text = '';
    res.on('data', function(d) { text += d; });
    res.on('end', function() {
      if (res.statusCode !== 200) return cb(null, null, res.statusCode);
      var doc;
      try {
        doc = JSON.parse(text);
      } catch (e) {
        return cb(e);
      }
      cache[name] = filter(name, doc);
      cb(null, cache[name]);
    });
  });
  req.on('error', cb);
}

function filter(name, doc) {
  var kept = {};
  var cap = pins[name];
  Object.keys(doc.versions || {}).forEach(function(v) {
    if (cap && compare(v, cap) > 0) return;
    var vdoc = doc.versions[v];
    if (!usable(vdoc) || !vdoc.dist || !vdoc.dist.tarball) return;
    // npm 1.1 fetches tarballs with the registry's protocol, so they come through here too.
    var file = vdoc.dist.tarball.split('/').pop();
    tarballs[name + '/' + file] = vdoc.dist.tarball;
    vdoc.dist.tarball = 'http://127.0.0.1:' + port + '/' + name + '/-/' + file;
    kept[v] = vdoc;
  });
  var latest = Object.keys(kept).filter(function(v) {
    return !parseVersion(v) || !parseVersion(v)[3];
  }).sort(compare).pop();
  return { _id: doc._id, name: doc.name, versions: kept,
           'dist-tags': latest ? { latest: latest } : {}, time: {} };
}

function proxyTarball(name, file, res) {
  var where = tarballs[name + '/' + file];
  if (!where) return send(res, 404, { error: 'not_found' });
  var u = url.parse(where);
  (u.protocol === 'http:' ? http : https).get({
    host: u.hostname, port: u.port || (u.protocol === 'http:' ? 80 : 443), path: u.pathname
  }, function(up) {
    var headers = { 'Content-Type': 'application/octet-stream' };
    if (up.headers['content-length']) headers['Content-Length'] = up.headers['content-length'];
    res.writeHead(up.statusCode, headers);
    up.pipe(res);
  }).on('error', function(err) {
    send(res, 502, { error: String(err) });
  });
}

function send(res, status, body) {
  var data = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json',
                          'Content-Length': Buffer.byteLength(data) });
  res.end(data);
}

http.createServer(function(req, res) {
  var parts = decodeURIComponent(req.url.split('?')[0]).split('/').filter(Boolean);
  if (req.method === 'GET' && parts.length === 3 && parts[1] === '-') {
    return proxyTarball(parts[0], parts[2], res);
  }
  if (req.method !== 'GET' || parts.length < 1 || parts.length > 2) {
    return send(res, 404, { error: 'not_found' });
  }
  fetchUpstream(parts[0], function(err, doc, status) {
    if (err) return send(res, 502, { error: String(err) });
    if (!doc) return send(res, status || 404, { error: 'not_found' });
    if (parts.length === 1) return send(res, 200, doc);
    var v = parts[1] === 'latest' ? doc['dist-tags'].latest : parts[1];
    if (doc.versions[v]) return send(res, 200, doc.versions[v]);
    send(res, 404, { error: 'not_found', reason: 'version not found: ' + parts[1] });
  });
}).listen(0, '127.0.0.1', function() {
  port = this.address().port;
  fs.writeFileSync(path.join(stateDir, 'port.tmp'), String(port));
  fs.renameSync(path.join(stateDir, 'port.tmp'), path.join(stateDir, 'port'));
});
