// repl.markdown example 4: REPLs on stdin, a Unix socket and TCP.
// adaptation: the socket path is relative (in the working directory, as a socket path must
// be short) and the port is 0; the check evaluates an expression over each socket; stdin is
// repl-4.stdin (empty).
var assert = require('assert');
var sock = 'node-repl-sock-' + process.pid;
try { require('fs').unlinkSync(sock); } catch (e) {}
var servers = [];
var net = require("net"),
    repl = require("repl");

connections = 0;

repl.start("node via stdin> ");

servers.push(net.createServer(function (socket) {
  connections += 1;
  repl.start("node via Unix socket> ", socket);
}).listen(sock));  // adaptation: was "/tmp/node-repl-sock"

servers.push(net.createServer(function (socket) {
  connections += 1;
  repl.start("node via TCP socket> ", socket);
}).listen(0));  // adaptation: was 5001

var outputs = [];
function ask(where, done) {
  var c = net.connect(where), out = '';
  c.setEncoding('utf8');
  c.on('data', function (d) {
    out += d;
    if (/> $/.test(out) && !c.asked) { c.asked = true; c.write('1 + 1\n'); }
    else if (/2\n/.test(out)) { outputs.push(out); c.end(); done(); }
  });
}
servers[1].on('listening', function () {
  ask(sock, function () {
    ask(servers[1].address().port, function () {
      servers.forEach(function (s) { s.close(); });
      process.exit(0);
    });
  });
});
process.on('exit', function () {
  assert.strictEqual(connections, 2);
  assert.ok(/^node via Unix socket> 2\n/.test(outputs[0]), outputs[0]);
  assert.ok(/^node via TCP socket> 2\n/.test(outputs[1]), outputs[1]);
});
