// `require('_debugger')`: the module behind v0.6.3's `node debug`. Its exports keep v0.6.3's
// shape: `port`, `start(argv)`, `Protocol` (the Content-Length framing of V8's JSON debug
// protocol) and `Client` (a net.Stream speaking that protocol).
//
// Nodus's own debugger agent speaks protobuf (debugger/README.md), not V8 3.6's JSON protocol,
// so `start` hands the arguments to Nodus's debug client (`runtime debug ...`), and `Client` is
// only useful against a peer that speaks the JSON protocol. See stdlib/README.md, "Deliberate
// differences".

var net = require('net');
var util = require('util');

exports.port = 5858;

// Runs the debug> prompt on argv (['script.js', args...]) in a child sharing our terminal, and
// exits with its status when it ends.
exports.start = function(argv) {
  argv = Array.isArray(argv) ? argv.map(String) : [];
  if (argv.length < 1) {
    console.error('Usage: node debug script.js');
    process.exit(1);
  }
  var child = require('child_process').spawn(process.execPath, ['debug'].concat(argv), {
    customFds: [0, 1, 2]
  });
  child.on('exit', function(code, signal) {
    process.exit(signal ? 1 : code);
  });
  return child;
};

// Parses a stream of messages, each a block of `Name: value` header lines, an empty line, and a
// body of Content-Length bytes (UTF-8 JSON). Each complete message goes to onResponse as
// { headers: {...}, body: parsed JSON or the raw text }.
function Protocol() {
  this._newRes();
}
exports.Protocol = Protocol;

Protocol.prototype._newRes = function(raw) {
  this.res = { raw: raw || '', headers: {} };
  this.state = 'headers';
  this.execute('');
};

Protocol.prototype.execute = function(d) {
  var res = this.res;
  res.raw += d;

  switch (this.state) {
    case 'headers':
      var endHeaders = res.raw.indexOf('\r\n\r\n');
      if (endHeaders < 0) break;
      var lines = res.raw.slice(0, endHeaders).split('\r\n');
      for (var i = 0; i < lines.length; i++) {
        var colon = lines[i].indexOf(':');
        if (colon < 0) continue;
        res.headers[lines[i].slice(0, colon).trim()] = lines[i].slice(colon + 1).trim();
      }
      this.contentLength = +res.headers['Content-Length'];
      if (!(this.contentLength >= 0)) throw new Error('no Content-Length header in a debugger message');
      res.raw = res.raw.slice(endHeaders + 4);
      this.state = 'body';
      // Fall through: the body may have come with the headers.

    case 'body':
      var bytes = Buffer.byteLength(res.raw, 'utf8');
      if (bytes < this.contentLength) break;
      var buf = new Buffer(res.raw, 'utf8');
      var body = buf.slice(0, this.contentLength).toString('utf8');
      var rest = buf.slice(this.contentLength).toString('utf8');
      try {
        res.body = body.length ? JSON.parse(body) : {};
      } catch (e) {
        res.body = body;
      }
      res.raw = body;
      if (this.onResponse) this.onResponse(res);
      this._newRes(rest);
      break;
  }
};

Protocol.prototype.serialize = function(req) {
  req.type = 'request';
  req.seq = this.reqSeq++;
  var json = JSON.stringify(req);
  return 'Content-Length: ' + Buffer.byteLength(json, 'utf8') + '\r\n\r\n' + json;
};

Protocol.prototype.reqSeq = 1;

// A connection to a JSON-protocol debugger: client.connect(port[, host]), then client.req(obj,
// cb) sends a request and calls cb(err, body, response) with its answer. Events: 'ready' (the
// first message, V8's greeting, arrived), 'break' and 'exception' (the program stopped), other
// events under their own names, 'unhandledResponse'.
function Client() {
  net.Stream.call(this);
  var protocol = this.protocol = new Protocol();
  this._reqCallbacks = {};
  this.currentFrame = 0;
  this.currentSourceLine = -1;
  this.handles = {};
  this.scripts = {};
  this.breakpoints = [];
  this._ready = false;

  var self = this;
  this.setEncoding('utf8');
  this.on('data', function(d) { protocol.execute(d); });
  protocol.onResponse = function(res) { self._onResponse(res); };
}
util.inherits(Client, net.Stream);
exports.Client = Client;

Client.prototype._onResponse = function(res) {
  var body = res.body;
  if (!this._ready) {
    this._ready = true;
    this.emit('ready');
    if (!body || !body.type) return;   // V8's greeting has headers only
  }
  if (body && body.type === 'event') {
    if (body.event === 'break' || body.event === 'exception') {
      if (body.body && body.body.sourceLine !== undefined) this.currentSourceLine = body.body.sourceLine;
    }
    this.emit(body.event, body);
    return;
  }
  var cb = body && this._reqCallbacks[body.request_seq];
  if (cb) {
    delete this._reqCallbacks[body.request_seq];
    cb(body.success === false ? (body.message || true) : null, body.body, res);
    return;
  }
  this.emit('unhandledResponse', body);
};

Client.prototype.req = function(req, cb) {
  this.write(this.protocol.serialize(req));
  this._reqCallbacks[req.seq] = cb || function() {};
};

Client.prototype.reqVersion = function(cb) {
  this.req({ command: 'version' }, function(err, body) {
    cb(err, body && body.V8Version);
  });
};

Client.prototype.reqEval = function(expression, cb) {
  this.req({ command: 'evaluate', arguments: { expression: String(expression), global: true } }, cb);
};

Client.prototype.reqFrameEval = function(expression, frame, cb) {
  this.req({ command: 'evaluate', arguments: { expression: String(expression), frame: frame } }, cb);
};

Client.prototype.reqBacktrace = function(cb) {
  this.req({ command: 'backtrace', arguments: { inlineRefs: true } }, cb);
};

Client.prototype.reqScripts = function(cb) {
  var self = this;
  this.req({ command: 'scripts' }, function(err, body) {
    if (!err && Array.isArray(body)) {
      body.forEach(function(s) { self.scripts[s.id] = s; });
    }
    if (cb) cb(err, body);
  });
};

Client.prototype.reqContinue = function(cb) {
  this.req({ command: 'continue' }, cb);
};

Client.prototype.step = function(action, count, cb) {
  this.req({ command: 'continue', arguments: { stepaction: action, stepcount: count } }, cb);
};

Client.prototype.setBreakpoint = function(args, cb) {
  this.req({ command: 'setbreakpoint', arguments: args }, cb);
};

Client.prototype.clearBreakpoint = function(args, cb) {
  this.req({ command: 'clearbreakpoint', arguments: args }, cb);
};

Client.prototype.listbreakpoints = function(cb) {
  this.req({ command: 'listbreakpoints' }, cb);
};

