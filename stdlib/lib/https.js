// The https module: HTTP over TLS. The server is a tls.Server whose secure connections go
// through http.js's connection handling (the JS path: the parser reads a CleartextStream's
// 'data', never a native handle); the client is http.ClientRequest with connections made by
// tls.connect, pooled by an https.Agent.
'use strict';

var tls = require('tls');
var http = require('http');
var url = require('url');
var util = require('util');

// ---- Server --------------------------------------------------------------------------------------

function Server(options, requestListener) {
  if (!(this instanceof Server)) return new Server(options, requestListener);
  options = options || {};
  var tlsOptions = {};
  for (var key in options) tlsOptions[key] = options[key];
  // As http.Server's sockets: http.js decides what the client's end means.
  tlsOptions.allowHalfOpen = true;
  tls.Server.call(this, tlsOptions, http._connectionListener);
  this.httpAllowHalfOpen = false;
  if (requestListener) this.addListener('request', requestListener);
}
util.inherits(Server, tls.Server);
exports.Server = Server;

exports.createServer = function(options, requestListener) {
  return new Server(options, requestListener);
};

// ---- Client --------------------------------------------------------------------------------------

function createConnection(port, host, options) {
  return tls.connect(port, host, options || {});
}

// An Agent passes its own options (key, cert, ca, rejectUnauthorized...) to tls.connect; the
// global agent has none, so it ignores a request's tls options, as the docs say.
function Agent(options) {
  http.Agent.call(this, options);
  this.createConnection = function(port, host) {
    return createConnection(port, host, this.options);
  };
}
util.inherits(Agent, http.Agent);
Agent.prototype.defaultPort = 443;
exports.Agent = Agent;

var globalAgent = new Agent();
exports.globalAgent = globalAgent;

exports.request = function(options, cb) {
  if (typeof options === 'string') options = url.parse(options);
  if (options === null || typeof options !== 'object') {
    throw new TypeError('options must be an object or a URL string');
  }
  var copy = {};
  for (var key in options) copy[key] = options[key];
  if (copy.agent === undefined) copy.agent = globalAgent;
  if (copy.agent === false && !copy.createConnection) copy.createConnection = createConnection;
  if (!copy.defaultPort) copy.defaultPort = 443;
  return new http.ClientRequest(copy, cb);
};

exports.get = function(options, cb) {
  if (typeof options === 'string') options = url.parse(options);
  var copy = {};
  for (var key in options) copy[key] = options[key];
  copy.method = 'GET';
  var req = exports.request(copy, cb);
  req.end();
  return req;
};
