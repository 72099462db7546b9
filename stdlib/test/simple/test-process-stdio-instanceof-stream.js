var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var net = require('net');
var path = require('path');
var spawn = require('child_process').spawn;

// process.stdin, stdout and stderr are instances of require('stream').Stream whatever their
// descriptors are (file, pipe, socket, terminal), as in v0.6.3; npm relies on it. Each kind is
// tried in a child whose fds 0-2 are all of that kind; the child writes what it found to a file.
var child = path.join(common.fixturesDir, 'stdio-instanceof-stream.js');
var tmp = common.tmpDir;
var bash = fs.existsSync('/bin/bash') ? '/bin/bash' : null;
var kinds = [];

function quote(s) { return "'" + String(s).replace(/'/g, "'\\''") + "'"; }

function run(kind, expectedType, command, args, options, after) {
  var resultFile = path.join(tmp, 'stdio-instanceof-' + kind + '.json');
  try { fs.unlinkSync(resultFile); } catch (e) {}
  var proc = spawn(command, args.concat([resultFile]), options);
  if (proc.stdin) proc.stdin.end();
  proc.on('exit', common.mustCall(function(code) {
    if (after) after();
    var result = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
    if (expectedType !== null) {
      assert.deepEqual(result.types, [expectedType, expectedType, expectedType], kind);
    }
    assert.strictEqual(result.stdin, true, kind + ': stdin instanceof Stream');
    assert.strictEqual(result.stdout, true, kind + ': stdout instanceof Stream');
    assert.strictEqual(result.stderr, true, kind + ': stderr instanceof Stream');
    kinds.push(kind);
  }));
}

// A file on every fd.
var file = path.join(tmp, 'stdio-instanceof-file.txt');
fs.writeFileSync(file, '');
var fd = fs.openSync(file, 'r+');
run('file', 'FILE', process.execPath, [child], { customFds: [fd, fd, fd] }, function() {
  fs.closeSync(fd);
});

// Real pipes, through a shell pipeline.
run('pipe', 'PIPE', bash, ['-c', 'true | "$0" "$1" "$2" 2>&1 | cat', process.execPath, child]);

// A socket on every fd (libuv gives a spawned child's stdio as a socket pair): UNIX domain.
run('unix-socket', 'PIPE', process.execPath, [child], {});

// A TCP socket on every fd, opened by bash's /dev/tcp.
var server = net.createServer(function(socket) {
  socket.on('error', function() {});
  socket.resume();
});
server.listen(0, '127.0.0.1', function() {
  var port = server.address().port;
  run('tcp-socket', 'TCP', bash,
      ['-c', 'exec "$0" "$1" "$2" <>/dev/tcp/127.0.0.1/' + port + ' >&0 2>&0',
       process.execPath, child],
      {}, function() { server.close(); });
});

// A terminal, where script(1) can make one.
if (fs.existsSync('/usr/bin/script') && fs.existsSync('/dev/ptmx')) {
  var ptyResult = path.join(tmp, 'stdio-instanceof-pty.json');
  try { fs.unlinkSync(ptyResult); } catch (e) {}
  var pty = spawn('/usr/bin/script', ['-qfec',
      [process.execPath, child, ptyResult].map(quote).join(' '), '/dev/null']);
  pty.stdout.resume();
  pty.stderr.resume();
  pty.stdin.end();
  pty.on('exit', function() {
    var text;
    try { text = fs.readFileSync(ptyResult, 'utf8'); } catch (e) { return; }  // no pty here
    var result = JSON.parse(text);
    if (result.types[0] !== 'TTY') return;
    assert.strictEqual(result.stdin, true, 'tty: stdin instanceof Stream');
    assert.strictEqual(result.stdout, true, 'tty: stdout instanceof Stream');
    assert.strictEqual(result.stderr, true, 'tty: stderr instanceof Stream');
    kinds.push('tty');
  });
}

process.on('exit', function() {
  ['file', 'pipe', 'unix-socket', 'tcp-socket'].forEach(function(kind) {
    assert.ok(kinds.indexOf(kind) !== -1, kind + ' was checked');
  });
});
