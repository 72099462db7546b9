// REPLs served over TCP and a Unix socket, as repl.markdown shows: each client gets its own
// prompt and results over its socket; .exit ends the connection.
var common = require('../common');
var assert = require('assert');
var net = require('net');
var fs = require('fs');
var repl = require('repl');

// Relative: the test's temporary directory can be too long for a socket path.
var sockPath = 'test-repl-net-' + process.pid + '.sock';
try { fs.unlinkSync(sockPath); } catch (e) {}

var exits = 0;
function serve(prompt) {
  return net.createServer(function(socket) {
    var r = repl.start(prompt, socket);
    r.context.where = prompt;
    r.on('exit', function() { exits++; });
  });
}

// Talks to a REPL: sends each line once the prompt is back; resolves with the transcript.
function session(address, lines, done) {
  var client = net.connect(address);
  var transcript = '';
  var sent = 0;
  client.setEncoding('utf8');
  client.on('data', function(data) {
    transcript += data;
    if (/(> |\.\.\. )$/.test(transcript) && sent < lines.length) {
      client.write(lines[sent++] + '\n');
    }
  });
  client.on('end', function() {
    client.end();
    done(transcript);
  });
}

var tcp = serve('tcp> ').listen(common.PORT, '127.0.0.1', function() {
  session(tcp.address().port, ['1 + 1', 'where', 'var o = {', '  n: 5 }', 'o.n * 2', '.exit'],
          common.mustCall(function(transcript) {
    assert.strictEqual(transcript,
                       "tcp> 2\ntcp> 'tcp> '\ntcp> ... undefined\ntcp> 10\ntcp> ");
    var unix = serve('unix> ').listen(sockPath, function() {
      session(sockPath, ['[1, 2, 3].length', 'throw new Error("over the wire")', '.exit'],
              common.mustCall(function(transcript) {
        assert.ok(/^unix> 3\nunix> Error: over the wire\n    at repl:1:7\nunix> $/.test(transcript),
                  JSON.stringify(transcript));
        tcp.close();
        unix.close();
      }));
    });
  }));
});

process.on('exit', function() {
  assert.strictEqual(exits, 2);
});
