// A local npm registry for the install tests: serves the packages under a folder over HTTP on
// 127.0.0.1, as npm 1.1 reads a registry. Runs on Nodus itself.
//
//   node registry.js PACKAGES_DIR STATE_DIR
//
// PACKAGES_DIR/<name>/<version>/ holds a package's files (package.json first). Each request
// rebuilds the documents from the folder, so a test publishes a version by adding a folder.
// Tarballs are packed on demand with tar (npm's layout: everything under package/).
// STATE_DIR/port receives the port once listening; STATE_DIR/requests.log gets a line per request.
//
// Routes: GET /<name> (all versions, dist-tags.latest = the highest), GET /<name>/<version>,
// GET /<name>/-/<name>-<version>.tgz. A package.json field "x-test-shasum" overrides the
// advertised sha1 (to test npm's check); anything else is a 404 with npm's JSON error shape.

var http = require('http');
var fs = require('fs');
var path = require('path');
var crypto = require('crypto');
var spawn = require('child_process').spawn;

var packagesDir = process.argv[2];
var stateDir = process.argv[3];
if (!packagesDir || !stateDir) {
  console.error('usage: registry.js PACKAGES_DIR STATE_DIR');
  process.exit(2);
}
var port;

function semverKey(v) {
  return v.split(/[.-]/).map(function(p) { return /^\d+$/.test(p) ? +p : p; });
}

function compareVersions(a, b) {
  var x = semverKey(a), y = semverKey(b);
  for (var i = 0; i < Math.max(x.length, y.length); i++) {
    if (x[i] === y[i]) continue;
    if (x[i] === undefined) return -1;
    if (y[i] === undefined) return 1;
    return x[i] < y[i] ? -1 : 1;
  }
  return 0;
}

function versionsOf(name) {
  var dir = path.join(packagesDir, name);
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(name) || !path.existsSync(dir)) return null;
  return fs.readdirSync(dir).sort(compareVersions);
}

// Packs <name>/<version> into a gzipped tarball, calling back with its bytes.
var tarballs = {};
function tarball(name, version, cb) {
  var key = name + '@' + version;
  if (tarballs[key]) return cb(null, tarballs[key]);
  var staging = path.join(stateDir, 'pack-' + name + '-' + version);
  var chunks = [];
  var sh = spawn('sh', ['-c',
    'rm -rf "$1" && mkdir -p "$1" && cp -RL "$2" "$1/package" && tar -czf - -C "$1" package',
    'pack', staging, path.join(packagesDir, name, version)]);
  sh.stdout.on('data', function(d) { chunks.push(d); });
  sh.on('exit', function(code) {
    if (code !== 0) return cb(new Error('tar failed for ' + key));
    var total = 0;
    chunks.forEach(function(c) { total += c.length; });
    var buf = new Buffer(total), at = 0;
    chunks.forEach(function(c) { c.copy(buf, at); at += c.length; });
    tarballs[key] = buf;
    cb(null, buf);
  });
}

function versionDoc(name, version, cb) {
  var json;
  try {
    json = JSON.parse(fs.readFileSync(path.join(packagesDir, name, version, 'package.json'), 'utf8'));
  } catch (e) {
    return cb(e);
  }
  tarball(name, version, function(err, buf) {
    if (err) return cb(err);
    json._id = name + '@' + version;
    json.dist = {
      shasum: json['x-test-shasum'] || crypto.createHash('sha1').update(buf).digest('hex'),
      tarball: 'http://127.0.0.1:' + port + '/' + name + '/-/' + name + '-' + version + '.tgz'
    };
    cb(null, json);
  });
}

function send(res, status, body) {
  var data = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': Buffer.isBuffer(body) ? 'application/octet-stream' : 'application/json',
    'Content-Length': Buffer.isBuffer(data) ? data.length : Buffer.byteLength(data)
  });
  res.end(data);
}

function notFound(res) {
  send(res, 404, { error: 'not_found', reason: 'document not found' });
}

var server = http.createServer(function(req, res) {
  fs.writeSync(logFd, req.method + ' ' + req.url + '\n');
  if (req.method !== 'GET') return send(res, 405, { error: 'method_not_allowed' });
  var parts = decodeURIComponent(req.url.split('?')[0]).split('/').slice(1);
  var name = parts[0];
  var versions = name ? versionsOf(name) : null;
  if (!versions) return notFound(res);

  if (parts.length === 3 && parts[1] === '-') {        // a tarball
    var m = /^(.*)-(\d[^-]*(?:-.*)?)\.tgz$/.exec(parts[2]);
    if (!m || m[1] !== name || versions.indexOf(m[2]) < 0) return notFound(res);
    return tarball(name, m[2], function(err, buf) {
      if (err) return send(res, 500, { error: String(err) });
      send(res, 200, buf);
    });
  }
  if (parts.length === 2 && parts[1]) {               // one version (or a tag)
    var v = parts[1] === 'latest' ? versions[versions.length - 1] : parts[1];
    if (versions.indexOf(v) < 0) return notFound(res);
    return versionDoc(name, v, function(err, doc) {
      if (err) return send(res, 500, { error: String(err) });
      send(res, 200, doc);
    });
  }
  if (parts.length !== 1) return notFound(res);
  var doc = { _id: name, name: name, 'dist-tags': { latest: versions[versions.length - 1] },
              versions: {}, time: {} };
  var pending = versions.length;
  versions.forEach(function(v) {
    versionDoc(name, v, function(err, vdoc) {
      if (!err) doc.versions[v] = vdoc;
      if (--pending === 0) send(res, 200, doc);
    });
  });
});

var logFd = fs.openSync(path.join(stateDir, 'requests.log'), 'a');
server.listen(0, '127.0.0.1', function() {
  port = server.address().port;
  fs.writeFileSync(path.join(stateDir, 'port.tmp'), String(port));
  fs.renameSync(path.join(stateDir, 'port.tmp'), path.join(stateDir, 'port'));
});
