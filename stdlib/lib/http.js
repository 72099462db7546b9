// HTTP/1.x server and client, per http.markdown of v0.6.3. Parsing is native
// (process.binding('http_parser')): each message head arrives in one call with a flat header
// list. Everything else lives here: messages as streams, keep-alive, pipelining in order,
// chunked encoding, 100-continue, upgrades, and the client Agent with its socket pool.
var net = require('net');
var netSocketWrite = net.Socket.prototype.write;  // see OutgoingMessage.prototype.end
var Stream = require('stream').Stream;
var EventEmitter = require('events').EventEmitter;
var util = require('util');
var url = require('url');
var timers = require('timers');
var parserBinding = process.binding('http_parser');
var HTTPParser = parserBinding.HTTPParser;
// loopTime[0]: the loop's clock (as binding.now() reads it), as the parser's.
var loopTime = process.binding('timer_wrap').loopTime;

// The binding calls the per-message callbacks of every parser with fastCallbacks() (http's
// own, see Parser below) through this function, with the parser as `this`: the lookup of
// parser.onHeadersComplete (or onBody, onMessageComplete) is then an inline cache here rather
// than a property lookup from C++. A parser whose callback is not a function gets no call, as
// before.
//
// Kind 3 is the head of a request that has no body: its onMessageComplete (with no trailers)
// comes next in the same parse, with nothing in between. An http parser with its own callbacks
// then runs both in this one call (parserOnHeadAndEnd) and returns MESSAGE_ENDED, so the binding
// makes no second trip into JS for the end; any other parser gets the usual two calls.
var MESSAGE_ENDED = parserBinding.MESSAGE_ENDED;
parserBinding.setDispatcher(function(kind, a, b, c, d, e, f, g, h) {
  var fn;
  if (kind === 3) {
    fn = this.onHeadersComplete;
    if (fn === parserOnHeadersComplete && this.onMessageComplete === parserOnMessageComplete) {
      return parserOnHeadAndEnd(this, a, b, c, d, e, f, g, h);
    }
    // (Not MESSAGE_ENDED, whatever the callback returns: its end comes as usual.)
    if (typeof fn === 'function') return fn.call(this, a, b, c, d, e, f, g, h) === true;
  } else if (kind === 0) {
    fn = this.onHeadersComplete;
    if (typeof fn === 'function') return fn.call(this, a, b, c, d, e, f, g, h);
  } else if (kind === 1) {
    fn = this.onBody;
    if (typeof fn === 'function') return fn.call(this, a);
  } else {
    fn = this.onMessageComplete;
    if (typeof fn === 'function') return fn.call(this, a);
  }
  return undefined;
});

var CRLF = '\r\n';

// --- What may go into a message head ---------------------------------------------------------
// Names (and methods) are HTTP tokens; values and status messages are Latin-1 text without
// control characters other than tab (no CR, LF or NUL: no response splitting). Heads are written
// as Latin-1 ('binary'), so a character above 0xFF could turn into CR or LF on the wire: those
// are refused too. Failures are TypeErrors with the codes of later Node versions.
// The checks are loops over char codes rather than regular expressions: they run for every
// header of every message, on short strings, where a loop costs a fraction of a RegExp call.
var INVALID_PATH = /[^\u0021-\u00ff]/;

// TOKEN_CHARS[c] is 1 for the characters of an HTTP token: !#$%&'*+-.^_`|~ digits and letters.
var TOKEN_CHARS = new Uint8Array(128);
(function() {
  var specials = '!#$%&\'*+-.^_`|~';
  for (var i = 0; i < specials.length; i++) TOKEN_CHARS[specials.charCodeAt(i)] = 1;
  for (var c = 0x30; c <= 0x39; c++) TOKEN_CHARS[c] = 1;
  for (c = 0x41; c <= 0x5a; c++) TOKEN_CHARS[c] = 1;
  for (c = 0x61; c <= 0x7a; c++) TOKEN_CHARS[c] = 1;
})();

function isToken(string) {
  var length = string.length;
  if (length === 0) return false;
  for (var i = 0; i < length; i++) {
    var c = string.charCodeAt(i);
    if (c > 0x7f || TOKEN_CHARS[c] === 0) return false;
  }
  return true;
}

// What a value may hold: tab, 0x20-0x7E and 0x80-0xFF. The result says what it holds:
var VALUE_REFUSED = 0, VALUE_ASCII = 1, VALUE_LATIN1 = 2;
function valueClass(string) {
  var result = VALUE_ASCII;
  for (var i = 0, length = string.length; i < length; i++) {
    var c = string.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) continue;
    if (c >= 0x80 && c <= 0xff) result = VALUE_LATIN1;
    else if (c !== 0x09) return VALUE_REFUSED;
  }
  return result;
}

function hasNonAscii(string) {
  for (var i = 0, length = string.length; i < length; i++) {
    if (string.charCodeAt(i) > 0x7f) return true;
  }
  return false;
}

function checkToken(what, token) {
  if (typeof token !== 'string' || !isToken(token)) {
    var error = new TypeError(what + ' must be a valid HTTP token ["' + String(token) + '"]');
    error.code = 'ERR_INVALID_HTTP_TOKEN';
    throw error;
  }
  return token;
}

function invalidChar(what, name) {
  var error = new TypeError('Invalid character in ' + what + ' ["' + name + '"]');
  error.code = 'ERR_INVALID_CHAR';
  return error;
}

// The head lines this process made last, by header name: servers send the same few headers with
// the same values, so each (name, value) pair is checked and turned into a line once. A line is
// one flat string, so the head is a few pieces for the write to copy out, not four per header.
var headerLines = new Map();
var MAX_HEADER_LINES = 256;

function HeaderLine(value, line, latin1, special) {
  this.value = value;
  this.line = line;
  this.latin1 = latin1;
  this.special = special;
}

function rememberHeaderLine(field, value, line, latin1, special) {
  if (headerLines.size >= MAX_HEADER_LINES) headerLines.clear();
  headerLines.set(field, new HeaderLine(value, line, latin1, special));
}

// What a header line means to _storeHeader, worked out once per line the cache keeps.
var HEADER_OTHER = 0, HEADER_CONNECTION_CLOSE = 1, HEADER_CONNECTION_OTHER = 2,
    HEADER_CHUNKED = 3, HEADER_TRANSFER_OTHER = 4, HEADER_CONTENT_LENGTH = 5, HEADER_EXPECT = 6;

function specialHeader(field, value) {
  // Only names of these lengths can be one of the four that matter.
  var length = field.length;
  if (length !== 10 && length !== 17 && length !== 14 && length !== 6) return HEADER_OTHER;
  var lower = field.toLowerCase();
  if (lower === 'connection') {
    return /close/i.test(value) ? HEADER_CONNECTION_CLOSE : HEADER_CONNECTION_OTHER;
  }
  if (lower === 'transfer-encoding') {
    return /chunk/i.test(value) ? HEADER_CHUNKED : HEADER_TRANSFER_OTHER;
  }
  if (lower === 'content-length') return HEADER_CONTENT_LENGTH;
  if (lower === 'expect') return HEADER_EXPECT;
  return HEADER_OTHER;
}

// V8 joins a concatenation's pieces into one string on the first read of a character.
function flatten(string) {
  if (string.length > 0) string.charCodeAt(0);
  return string;
}

// Returns value as the string that goes on the wire, or throws.
function checkValue(what, name, value) {
  var string = '' + value;
  if (valueClass(string) === VALUE_REFUSED) throw invalidChar(what, name);
  return string;
}

// Heads are made of pieces (see _storeHeader) and sent as one flat string. A server sends the
// same head over and over: the same status line and header lines (the same strings, from
// statusLineOf and the header line cache), so the last head made is kept with its pieces and
// used again when the next one's pieces are the same, without joining and flattening them.
var headPieces = [];      // the pieces of the head being made (reused: see _storeHeader)
var buildingHead = false; // headPieces is in use
var lastHeadPieces = [];  // the pieces of lastHead
var lastHead = '';

// The head of pieces[0, count): lastHead if those are its pieces.
function joinHead(pieces, count) {
  if (count === lastHeadPieces.length) {
    for (var i = 0; i < count; i++) {
      if (pieces[i] !== lastHeadPieces[i]) break;
    }
    if (i === count) return lastHead;
  }
  var head = '';
  for (var j = 0; j < count; j++) head += pieces[j];
  head = flatten(head + CRLF);
  lastHeadPieces = pieces.slice(0, count);
  lastHead = head;
  return head;
}

// A server's status line for a code with its reason phrase from STATUS_CODES: the same string
// as long as the code and the phrase are (STATUS_CODES is the program's to change).
var lastStatusCode = 0, lastReasonPhrase = '', lastStatusLine = '';

function statusLineOf(statusCode, reasonPhrase) {
  if (statusCode !== lastStatusCode || reasonPhrase !== lastReasonPhrase) {
    lastStatusLine = flatten('HTTP/1.1 ' + statusCode + ' ' + reasonPhrase + CRLF);
    lastStatusCode = statusCode;
    lastReasonPhrase = reasonPhrase;
  }
  return lastStatusLine;
}

// The byte length of a body string in the encodings a head can share a write with
// (headerJoinsEncoding): a short one is measured here, without a call into the binding.
function joinedByteLength(string, encoding) {
  // (undefined, the usual encoding, is tested apart: see net.js normalizeEncoding.)
  if (encoding !== undefined && (encoding === 'ascii' || encoding === 'binary')) {
    return string.length;
  }
  if (string.length > 64 || hasNonAscii(string)) return Buffer.byteLength(string, encoding);
  return string.length;
}

// Chunk sizes in hex, for the small sizes most chunks have.
var HEX_SIZES = [];
function hexSize(n) {
  if (n < 256) {
    var hex = HEX_SIZES[n];
    if (hex === undefined) hex = HEX_SIZES[n] = n.toString(16);
    return hex;
  }
  return n.toString(16);
}

// A chunked head and its first chunk's size line (the hex size and CRLF) as one flat string,
// which a response sends as one piece (see OutgoingMessage.prototype.end). A server that sends
// the same head and body length each time makes it once.
var lastSizedHead = '', lastSizedHeadOf = '', lastSizedHeadSize = -1;
function sizedHead(head, size) {
  if (head !== lastSizedHeadOf || size !== lastSizedHeadSize) {
    lastSizedHead = flatten(head + hexSize(size) + CRLF);
    lastSizedHeadOf = head;
    lastSizedHeadSize = size;
  }
  return lastSizedHead;
}

var STATUS_CODES = exports.STATUS_CODES = {
  100: 'Continue', 101: 'Switching Protocols', 102: 'Processing',
  200: 'OK', 201: 'Created', 202: 'Accepted', 203: 'Non-Authoritative Information',
  204: 'No Content', 205: 'Reset Content', 206: 'Partial Content', 207: 'Multi-Status',
  300: 'Multiple Choices', 301: 'Moved Permanently', 302: 'Moved Temporarily',
  303: 'See Other', 304: 'Not Modified', 305: 'Use Proxy', 307: 'Temporary Redirect',
  400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden',
  404: 'Not Found', 405: 'Method Not Allowed', 406: 'Not Acceptable',
  407: 'Proxy Authentication Required', 408: 'Request Time-out', 409: 'Conflict',
  410: 'Gone', 411: 'Length Required', 412: 'Precondition Failed',
  413: 'Request Entity Too Large', 414: 'Request-URI Too Large',
  415: 'Unsupported Media Type', 416: 'Requested Range Not Satisfiable',
  417: 'Expectation Failed', 418: 'I\'m a teapot', 422: 'Unprocessable Entity',
  423: 'Locked', 424: 'Failed Dependency', 425: 'Unordered Collection',
  426: 'Upgrade Required', 500: 'Internal Server Error', 501: 'Not Implemented',
  502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Time-out',
  505: 'HTTP Version not supported', 506: 'Variant Also Negotiates',
  507: 'Insufficient Storage', 509: 'Bandwidth Limit Exceeded', 510: 'Not Extended'
};

// --- Parsers ---------------------------------------------------------------------------------
// Parsers are reused across connections (v0.6 kept a free list of 1000). http's parsers are a
// subclass whose prototype holds the callbacks every parser shares: a parser made by
// process.binding('http_parser') directly is left as bare as before, and one of these keeps its
// own fields inside the object (V8 gives a subclass's instances room for them), where the
// binding's own objects would need a separate property array.
// Header names come in lower case, as _addHeaderLine keys them (see the binding's lowercaseNames),
// and the callbacks take positional arguments through the dispatcher (fastCallbacks; a parser
// made by the binding directly gets v0.6's callbacks).
class Parser extends HTTPParser {
  constructor(type) {
    super(type);
    this.lowercaseNames();
    this.fastCallbacks();
  }
}
Parser.prototype.onHeadersComplete = parserOnHeadersComplete;
Parser.prototype.onBody = parserOnBody;
Parser.prototype.onMessageComplete = parserOnMessageComplete;
// Only a parser consuming a socket natively (the server's, see connectionListener) calls these.
Parser.prototype.onError = parserOnConsumedError;
Parser.prototype.onUpgrade = parserOnConsumedUpgrade;

var freeParsers = [];

function newParser(type) {
  var parser = freeParsers.pop();
  if (parser) {
    parser.reinitialize(type);
  } else {
    parser = new Parser(type);
  }
  parser.socket = null;
  parser.incoming = null;
  parser.onIncoming = null;
  parser._free = false;
  // (Its header pair limit is the binding's default again; the caller sets its own.)
  return parser;
}

// At most this many headers per message (and per trailer block) are kept; the ones after are
// dropped, as today's Node does (server.maxHeadersCount, 0 for no limit).
var DEFAULT_MAX_HEADERS_COUNT = 2000;

function maxHeadersCount(value) {
  return typeof value === 'number' && value >= 0 ? value : DEFAULT_MAX_HEADERS_COUNT;
}

// A parser from newParser() has the binding's default limit, which is DEFAULT_MAX_HEADERS_COUNT:
// only another limit is handed to it (a call into the binding per connection saved).
function limitHeaders(parser, value) {
  var pairs = maxHeadersCount(value);
  if (pairs !== DEFAULT_MAX_HEADERS_COUNT) parser.setMaxHeaderPairs(pairs);
}

// Idempotent: a parser is in the free list at most once. detach() stops a parse that is running
// (this was called from one of its callbacks) right after the callback, so the rest of that read
// reaches nobody; such a parser joins the free list only once that parse has returned.
function freeParser(parser) {
  if (!parser || parser._free) return;
  parser._free = true;
  var busy = parser.detach();
  parser.socket = null;
  parser.incoming = null;
  parser.onIncoming = null;
  parser.req = null;
  if (freeParsers.length >= 1000) return;
  if (busy) {
    process.nextTick(function() {
      if (parser._free && freeParsers.length < 1000) freeParsers.push(parser);
    });
  } else {
    freeParsers.push(parser);
  }
}

function parserOnHeadersComplete(headers, method, url, statusCode, versionMajor, versionMinor,
                                 shouldKeepAlive, upgrade) {
  var parser = this;
  var incoming = parser.incoming = new IncomingMessage(parser.socket);
  incoming.httpVersionMajor = versionMajor;
  incoming.httpVersionMinor = versionMinor;
  incoming.httpVersion = versionMajor === 1 && versionMinor === 1 ? '1.1' :
                         versionMajor + '.' + versionMinor;
  if (method !== undefined) {
    incoming.method = method;
    incoming.url = url;
  } else {
    incoming.statusCode = statusCode;
  }
  incoming.upgrade = upgrade;
  addHeaderLines(incoming, headers, false);
  if (upgrade) return false;  // The rest of the bytes belong to the new protocol.
  if (typeof parser.onIncoming !== 'function') return false;
  return parser.onIncoming(incoming, shouldKeepAlive) === true;
}

// The parser's names and values, [name, value, ...], names in lower case already: toLowerCase
// is skipped unless a program replaced _addHeaderLine (which then gets every line as before).
function addHeaderLines(incoming, lines, isTrailer) {
  var i;
  if (incoming._addHeaderLine === addHeaderLine) {
    var dest = isTrailer ? incoming.trailers : incoming.headers;
    for (i = 0; i < lines.length; i += 2) addLowerHeaderLine(dest, lines[i], lines[i + 1]);
  } else {
    for (i = 0; i < lines.length; i += 2) {
      if (isTrailer) incoming._addHeaderLine(lines[i], lines[i + 1], true);
      else incoming._addHeaderLine(lines[i], lines[i + 1]);
    }
  }
}

// The head and the end of a request without a body, in the order two calls would make them:
// 'request' is emitted (its listener may add 'end' listeners, pause the request, detach the
// parser), then the message ends as parserOnMessageComplete ends it: unless the parser was let
// go of meanwhile (freeParser clears parser.incoming), as the binding would then make no call.
function parserOnHeadAndEnd(parser, headers, method, url, statusCode, versionMajor, versionMinor,
                            shouldKeepAlive, upgrade) {
  parser.onHeadersComplete(headers, method, url, statusCode, versionMajor, versionMinor,
                           shouldKeepAlive, upgrade);
  if (!parser._free) parser.onMessageComplete(undefined);
  return MESSAGE_ENDED;
}

function parserOnBody(chunk) {
  var incoming = this.incoming;
  if (!incoming) return;
  var buffer = toBuffer(chunk);
  if (incoming._paused) {
    incoming._pendings.push(buffer);
  } else {
    incoming._emitData(buffer);
  }
}

function parserOnMessageComplete(trailers) {
  var parser = this;
  var incoming = parser.incoming;
  if (!incoming) return;
  incoming.complete = true;
  if (trailers) addHeaderLines(incoming, trailers, true);
  if (!incoming.upgrade) {
    if (incoming._paused) incoming._pendings.push(END_OF_MESSAGE);
    else incoming._emitEnd();
  }
  if (parser.socket && parser.socket._httpHeld && !incoming.upgrade) {
    // The server holds the connection back (see serverNeedsPause): the requests after this
    // one wait in the parser, unparsed, until serverMaybeResume.
    parser.pause();
  } else if (parser.socket && parser.socket.readable && !incoming.upgrade) {
    // The next pipelined request may already be in the buffer; keep reading.
    if (parser.socket._paused) parser.socket.resume();
  }
}

var END_OF_MESSAGE = {};

function toBuffer(u8) {
  Object.setPrototypeOf(u8, Buffer.prototype);
  return u8;
}

// --- IncomingMessage ------------------------------------------------------------------------
function IncomingMessage(socket) {
  Stream.call(this);
  this.socket = socket;
  this.connection = socket;
  this.httpVersion = null;
  this.httpVersionMajor = 0;
  this.httpVersionMinor = 0;
  this.upgrade = false;
  this.complete = false;
  this.headers = {};
  this.trailers = {};
  this.readable = true;
  this._paused = false;
  this._pendings = [];
  this._endEmitted = false;
  this.url = '';
  this.method = null;
  this.statusCode = null;
  this.client = socket;
  this._decoder = null;
}
util.inherits(IncomingMessage, Stream);
exports.IncomingMessage = IncomingMessage;

IncomingMessage.prototype.destroy = function(error) {
  if (this.socket) this.socket.destroy(error);
};

IncomingMessage.prototype.setEncoding = function(encoding) {
  var StringDecoder = require('string_decoder').StringDecoder;
  this._decoder = new StringDecoder(encoding);
};

IncomingMessage.prototype.pause = function() {
  this._paused = true;
  if (this.socket) this.socket.pause();
};

IncomingMessage.prototype.resume = function() {
  this._paused = false;
  if (this.socket && !this.socket._httpHeld) this.socket.resume();
  var self = this;
  // Data that arrived while paused is delivered first, in order.
  process.nextTick(function() { self._emitPending(); });
};

IncomingMessage.prototype._emitPending = function() {
  while (!this._paused && this._pendings.length) {
    var chunk = this._pendings.shift();
    if (chunk === END_OF_MESSAGE) this._emitEnd();
    else this._emitData(chunk);
  }
};

IncomingMessage.prototype._emitData = function(buffer) {
  if (this._decoder) {
    var string = this._decoder.write(buffer);
    if (string.length) this.emit('data', string);
  } else {
    this.emit('data', buffer);
  }
};

IncomingMessage.prototype._emitEnd = function() {
  if (this._endEmitted) return;
  this._endEmitted = true;
  this.readable = false;
  this.emit('end');
};

// Header names that appear once: later duplicates are dropped, as v0.6 did.
var SINGLE_HEADERS = new Set([
  'content-type', 'content-length', 'user-agent', 'referer', 'host', 'authorization',
  'proxy-authorization', 'if-modified-since', 'if-unmodified-since', 'from', 'location',
  'max-forwards'
]);

// A peer chooses the header names, and they become keys of an ordinary object. Names are
// lowercased, so of Object.prototype's members only `constructor` and `__proto__` can be
// named: presence is tested with hasOwnProperty (an inherited `constructor` is not a header
// already there), and `__proto__` is stored as an own data property, so it never changes the
// object's prototype (today's Node drops it; here it is kept, as the peer's value). Methods
// such as hasOwnProperty stay callable on req.headers, whatever the peer sends.
var hasOwn = Object.prototype.hasOwnProperty;

function setHeaderField(dest, field, value) {
  if (field === '__proto__') {
    Object.defineProperty(dest, field, {
      value: value, writable: true, enumerable: true, configurable: true
    });
  } else {
    dest[field] = value;
  }
}

IncomingMessage.prototype._addHeaderLine = function(field, value, isTrailer) {
  addLowerHeaderLine(isTrailer ? this.trailers : this.headers, field.toLowerCase(), value);
};
var addHeaderLine = IncomingMessage.prototype._addHeaderLine;

// _addHeaderLine for a name already in lower case (the parser's).
function addLowerHeaderLine(dest, field, value) {
  var present = hasOwn.call(dest, field);
  if (field === 'set-cookie') {
    if (present) dest[field].push(value);
    else dest[field] = [value];
  } else if (SINGLE_HEADERS.has(field)) {
    if (!present) dest[field] = value;
  } else if (present) {
    setHeaderField(dest, field, dest[field] + ', ' + value);
  } else {
    setHeaderField(dest, field, value);
  }
}

// --- OutgoingMessage --------------------------------------------------------------------------
function OutgoingMessage() {
  Stream.call(this);
  this.output = [];
  this.outputEncodings = [];
  this.writable = true;
  this._last = false;
  this.chunkedEncoding = false;
  this.shouldKeepAlive = true;
  this.useChunkedEncodingByDefault = true;
  this._hasBody = true;
  this._trailer = '';
  this._headerLatin1 = false;  // the head (or the trailers) has characters above 0x7F
  this.finished = false;
  this._headerSent = false;
  this._header = '';
  this._headers = null;
  this._headerNames = null;
  this.connection = null;
  this.socket = null;
}
util.inherits(OutgoingMessage, Stream);
exports.OutgoingMessage = OutgoingMessage;

OutgoingMessage.prototype.destroy = function(error) {
  if (this.socket) this.socket.destroy(error);
};

// Sends or queues raw data: until a socket is assigned (a pipelined response waiting for the
// one before it, or a client request waiting for a connection) data is kept in `output`.
OutgoingMessage.prototype._send = function(data, encoding) {
  if (!this._headerSent) {
    if (typeof data === 'string' && !this._headerLatin1 && headerJoinsEncoding(encoding)) {
      data = this._header + data;
    } else {
      this.output.unshift(this._header);
      this.outputEncodings.unshift('binary');
    }
    this._headerSent = true;
  }
  return this._writeRaw(data, encoding);
};

// An ASCII head can share one string (and one write) with data in these encodings; one with
// Latin-1 characters in it (_headerLatin1) goes out on its own, as 'binary'.
function headerJoinsEncoding(encoding) {
  if (encoding === undefined || encoding === null) return true;
  switch (encoding) {
    case 'utf8': case 'ascii': case 'binary': case 'utf-8': return true;
  }
  encoding = String(encoding).toLowerCase();
  return encoding === 'utf8' || encoding === 'utf-8' || encoding === 'ascii' ||
         encoding === 'binary';
}

OutgoingMessage.prototype._writeRaw = function(data, encoding) {
  var connection = this.connection;
  if (connection && connection._httpMessage === this && connection.writable) {
    while (this.output.length) {
      if (!connection.writable) return this._buffer(data, encoding);
      connection.write(this.output.shift(), this.outputEncodings.shift());
    }
    if (data.length === 0) return true;
    return connection.write(data, encoding);
  }
  return this._buffer(data, encoding);
};

OutgoingMessage.prototype._buffer = function(data, encoding) {
  if (data.length === 0) return false;
  var length = this.output.length;
  if (length > 0 && typeof data === 'string' && typeof this.output[length - 1] === 'string' &&
      this.outputEncodings[length - 1] === encoding) {
    this.output[length - 1] += data;
    return false;
  }
  this.output.push(data);
  this.outputEncodings.push(encoding);
  return false;
};

// Calls store(name, value) for each header of a head: an array of [name, value] pairs, or an
// object whose values may be arrays (one line per element).
function storeHeaders(headers, store) {
  if (Array.isArray(headers)) {
    for (var i = 0; i < headers.length; i++) store(headers[i][0], headers[i][1]);
    return;
  }
  var keys = Object.keys(headers);
  for (var k = 0; k < keys.length; k++) {
    var value = headers[keys[k]];
    if (Array.isArray(value)) {
      for (var j = 0; j < value.length; j++) store(keys[k], value[j]);
    } else {
      store(keys[k], value);
    }
  }
}

// firstLineAscii: the caller knows firstLine is ASCII (a server's status line with a standard
// reason phrase), so it is not scanned again.
OutgoingMessage.prototype._storeHeader = function(firstLine, headers, firstLineAscii) {
  var sentConnectionHeader = false;
  var sentContentLengthHeader = false;
  var sentTransferEncodingHeader = false;
  var sentExpect = false;
  // The head's pieces, in order: the first line, a line per header, the lines added here, in
  // headPieces[0, count) (its old entries past count are left, not truncated: that costs more
  // than the head). A header value's toString may make another head meanwhile: that one gets
  // an array of its own.
  var ownsPieces = !buildingHead;
  var pieces = ownsPieces ? headPieces : [];
  var count = 0;
  pieces[count++] = firstLine;
  var self = this;

  var latin1 = false;

  function store(field, value) {
    // A number's text cannot change (an object's toString could), so numbers are kept too:
    // Content-Length is usually one.
    var cached = typeof field === 'string' &&
        (typeof value === 'string' || typeof value === 'number') ?
        headerLines.get(field) : undefined;
    var special;
    if (cached !== undefined && cached.value === value) {
      // A header this process sent before: checked then, and its line made once.
      pieces[count++] = cached.line;
      if (cached.latin1) latin1 = true;
      special = cached.special;
    } else {
      var given = value;
      field = checkToken('Header name', '' + field);
      value = '' + value;
      var kind = valueClass(value);
      if (kind === VALUE_REFUSED) throw invalidChar('header content', field);
      if (kind === VALUE_LATIN1) latin1 = true;
      var line = flatten(field + ': ' + value + CRLF);
      pieces[count++] = line;
      special = specialHeader(field, value);
      rememberHeaderLine(field, typeof given === 'number' ? given : value, line,
                         kind === VALUE_LATIN1, special);
    }
    if (special === HEADER_OTHER) return;
    if (special === HEADER_CONNECTION_CLOSE) {
      sentConnectionHeader = true;
      self._last = true;
    } else if (special === HEADER_CONNECTION_OTHER) {
      sentConnectionHeader = true;
      self.shouldKeepAlive = true;
    } else if (special === HEADER_CHUNKED) {
      sentTransferEncodingHeader = true;
      self.chunkedEncoding = true;
    } else if (special === HEADER_TRANSFER_OTHER) {
      sentTransferEncodingHeader = true;
    } else if (special === HEADER_CONTENT_LENGTH) {
      sentContentLengthHeader = true;
    } else {
      sentExpect = true;
    }
  }

  // (Only store() runs code of the program's: a value's toString.)
  if (headers) {
    buildingHead = true;
    try {
      storeHeaders(headers, store);
    } finally {
      if (ownsPieces) buildingHead = false;
    }
  }

  if (!sentConnectionHeader) {
    if (this.shouldKeepAlive &&
        (sentContentLengthHeader || this.useChunkedEncodingByDefault || this.agent)) {
      pieces[count++] = 'Connection: keep-alive\r\n';
    } else {
      this._last = true;
      pieces[count++] = 'Connection: close\r\n';
    }
  }
  if (!sentContentLengthHeader && !sentTransferEncodingHeader) {
    if (this._hasBody) {
      if (this.useChunkedEncodingByDefault) {
        pieces[count++] = 'Transfer-Encoding: chunked\r\n';
        this.chunkedEncoding = true;
      } else {
        this._last = true;
      }
    } else {
      this.chunkedEncoding = false;
    }
  }
  this._header = joinHead(pieces, count);
  this._headerLatin1 = latin1 || (firstLineAscii !== true && hasNonAscii(firstLine));
  this._headerSent = false;
  // A request with Expect: 100-continue waits for the server before sending the body.
  if (sentExpect) this._send('');
};

OutgoingMessage.prototype.setHeader = function(name, value) {
  if (arguments.length < 2) throw new Error('`name` and `value` are required for setHeader().');
  if (this._header) throw new Error('Can\'t set headers after they are sent.');
  checkToken('Header name', typeof name === 'string' ? name : String(name));
  if (Array.isArray(value)) {
    for (var i = 0; i < value.length; i++) checkValue('header content', name, value[i]);
  } else {
    checkValue('header content', name, value);
  }
  var key = String(name).toLowerCase();
  this._headers = this._headers || {};
  this._headerNames = this._headerNames || {};
  this._headers[key] = value;
  this._headerNames[key] = name;
};

OutgoingMessage.prototype.getHeader = function(name) {
  if (arguments.length < 1) throw new Error('`name` is required for getHeader().');
  if (!this._headers) return undefined;
  return this._headers[String(name).toLowerCase()];
};

OutgoingMessage.prototype.removeHeader = function(name) {
  if (arguments.length < 1) throw new Error('`name` is required for removeHeader().');
  if (this._header) throw new Error('Can\'t remove headers after they are sent.');
  if (!this._headers) return;
  var key = String(name).toLowerCase();
  delete this._headers[key];
  delete this._headerNames[key];
};

OutgoingMessage.prototype._renderHeaders = function() {
  if (this._header) throw new Error('Can\'t render headers after they are sent to the client.');
  if (!this._headers) return {};
  var headers = {};
  var keys = Object.keys(this._headers);
  for (var i = 0; i < keys.length; i++) {
    headers[this._headerNames[keys[i]]] = this._headers[keys[i]];
  }
  return headers;
};

function byteLength(data, encoding) {
  return typeof data === 'string' ? Buffer.byteLength(data, encoding) : data.length;
}

OutgoingMessage.prototype.write = function(chunk, encoding) {
  if (!this._header) this._implicitHeader();
  if (!this._hasBody) {
    // HEAD responses and 204/304 carry no body: the data is dropped, as v0.6 did.
    return true;
  }
  if (typeof chunk !== 'string' && !Buffer.isBuffer(chunk) &&
      !(chunk instanceof Uint8Array)) {
    throw new TypeError('first argument must be a string or Buffer');
  }
  if (this.finished) {
    // v0.6.3 neither threw nor emitted here: the data went to the message's buffer, which
    // nothing sends after end(). Old code writes late (http-proxy 0.8's proxyError after the
    // response ended) and must not be killed by an 'error' nobody listens for.
    return false;
  }
  if (chunk.length === 0) return false;
  if (this.chunkedEncoding) {
    if (typeof chunk === 'string' && headerJoinsEncoding(encoding)) {
      return this._send(hexSize(joinedByteLength(chunk, encoding)) + CRLF + chunk + CRLF,
                        encoding);
    }
    this._send(hexSize(byteLength(chunk, encoding)) + CRLF, 'ascii');
    this._send(chunk, encoding);
    return this._send(CRLF, 'ascii');
  }
  return this._send(chunk, encoding);
};

OutgoingMessage.prototype.addTrailers = function(headers) {
  var trailer = '';
  var keys = Object.keys(headers);
  for (var i = 0; i < keys.length; i++) {
    var field = keys[i], value = headers[field];
    if (Array.isArray(headers)) {
      field = headers[i][0];
      value = headers[i][1];
    }
    field = checkToken('Trailer name', '' + field);
    value = checkValue('trailer content', field, value);
    trailer += field + ': ' + value + CRLF;
  }
  this._trailer = trailer;
  if (hasNonAscii(trailer)) this._headerLatin1 = true;
};

OutgoingMessage.prototype.end = function(data, encoding) {
  if (this.finished) return false;
  if (!this._header) this._implicitHeader();
  if (data && !this._hasBody) data = false;

  var ret;
  var hot = !this._headerSent && typeof data === 'string' && data.length > 0 &&
            !this._headerLatin1 && headerJoinsEncoding(encoding) &&
            this.output.length === 0 && this.connection && this.connection.writable &&
            this.connection._httpMessage === this;
  if (hot) {
    // The common case (writeHead then end(body)): head and body leave in one write. A plain
    // net.Socket takes the pieces as they are (_writeStrings), without a joined string.
    var connection = this.connection;
    holdLastWrite(this);
    var pieces = connection.write === netSocketWrite;
    if (this.chunkedEncoding) {
      var head = sizedHead(this._header, joinedByteLength(data, encoding));
      var last = this._trailer === '' ? '\r\n0\r\n\r\n' : '\r\n0\r\n' + this._trailer + '\r\n';
      ret = pieces ? connection._writeStrings(encoding, head, data, last) :
                     connection.write(head + data + last, encoding);
    } else {
      ret = pieces ? connection._writeStrings(encoding, this._header, data) :
                     connection.write(this._header + data, encoding);
    }
    this._headerSent = true;
  } else if (data) {
    ret = this.write(data, encoding);
  }
  if (!hot) {
    if (this.chunkedEncoding) {
      holdLastWrite(this);
      ret = this._send('0\r\n' + this._trailer + '\r\n', 'binary');
    } else {
      ret = this._send('');  // Flushes the header if nothing else did.
    }
  }
  this.finished = true;
  // If the socket is ours and everything went out, finish now; otherwise when output drains.
  if (this.output.length === 0 && this.connection && this.connection._httpMessage === this) {
    this._finish();
  }
  return ret;
};

// The last write of a server's response after which the connection closes (serverResponseOnFinish
// closes it in this same turn): the kernel may hold it back so that the close's FIN leaves with
// it, one packet instead of two (StreamWrap::HoldNextWrite in runtime/core/stream_wrap.h). Only
// on a plain TCP net.Socket this response owns, with nothing of it queued in JS.
function holdLastWrite(res) {
  var socket = res.connection;
  if (!res._last || !res._socketRef || !socket || socket._httpMessage !== res ||
      socket.write !== netSocketWrite || res.output.length !== 0 || socket._connecting) {
    return;
  }
  var handle = socket._handle;
  if (handle && typeof handle.holdNextWrite === 'function') handle.holdNextWrite();
}

OutgoingMessage.prototype._finish = function() {
  this.emit('finish');
};

// Writes queued output once this message owns its socket.
OutgoingMessage.prototype._flush = function() {
  if (!this.socket) return;
  var ret;
  while (this.output.length) {
    if (!this.socket.writable) return;
    ret = this.socket.write(this.output.shift(), this.outputEncodings.shift());
  }
  if (this.finished) this._finish();
  else if (ret) this.emit('drain');
};

// --- ServerResponse ---------------------------------------------------------------------------
function ServerResponse(req) {
  OutgoingMessage.call(this);
  if (req.method === 'HEAD') this._hasBody = false;
  if (req.httpVersionMajor < 1 || (req.httpVersionMajor === 1 && req.httpVersionMinor < 1)) {
    // HTTP/1.0 clients get no chunked encoding (unless TE allows it); the connection closes
    // after the body instead, unless they asked for keep-alive and the body length is known
    // (the parser's keep-alive verdict, applied in parserOnServerIncoming, decides that).
    this.useChunkedEncodingByDefault = /chunk/i.test(req.headers.te || '');
    if (!this.useChunkedEncodingByDefault) this.shouldKeepAlive = false;
  }
  this.statusCode = 200;
  this._expect_continue = false;
  this._sent100 = false;
  this._socketRef = null;  // The connection this response answers on (server bookkeeping).
}
util.inherits(ServerResponse, OutgoingMessage);
exports.ServerResponse = ServerResponse;

// The server's bookkeeping runs right after 'finish' without a listener per response.
ServerResponse.prototype._finish = function() {
  OutgoingMessage.prototype._finish.call(this);
  if (this._socketRef) serverResponseOnFinish.call(this);
};

ServerResponse.prototype.assignSocket = function(socket) {
  socket._httpMessage = this;
  this.socket = socket;
  this.connection = socket;
  this._flush();
};

ServerResponse.prototype.detachSocket = function(socket) {
  socket._httpMessage = null;
  this.socket = this.connection = null;
};

ServerResponse.prototype.writeContinue = function() {
  this._writeRaw('HTTP/1.1 100 Continue' + CRLF + CRLF, 'ascii');
  this._sent100 = true;
};

ServerResponse.prototype._implicitHeader = function() {
  this.writeHead(this.statusCode);
};

// writeHead(statusCode, [reasonPhrase], [headers])
ServerResponse.prototype.writeHead = function(code, reasonOrHeaders, headersAfterReason) {
  var reasonPhrase, headers, obj;
  var statusCode = Number(code);
  if (!(statusCode >= 100 && statusCode <= 999) || statusCode !== Math.floor(statusCode)) {
    throw new RangeError('Invalid status code: ' + code);
  }
  var reasonAscii = true;
  if (typeof reasonOrHeaders === 'string') {
    reasonPhrase = reasonOrHeaders;
    var kind = valueClass(reasonPhrase);
    if (kind === VALUE_REFUSED) throw invalidChar('statusMessage', 'statusMessage');
    reasonAscii = kind === VALUE_ASCII;
    obj = headersAfterReason;
  } else {
    reasonPhrase = STATUS_CODES[statusCode] || 'unknown';
    reasonAscii = !hasNonAscii(reasonPhrase);  // STATUS_CODES is the program's to change
    obj = reasonOrHeaders;
  }
  this.statusCode = statusCode;
  if (obj && this._headers) {
    // Headers from setHeader() merge with those given here; these win.
    headers = this._renderHeaders();
    if (Array.isArray(obj)) {
      var merged = [];
      Object.keys(headers).forEach(function(k) { merged.push([k, headers[k]]); });
      headers = merged.concat(obj);
    } else {
      Object.keys(obj).forEach(function(k) { headers[k] = obj[k]; });
    }
  } else if (this._headers) {
    headers = this._renderHeaders();
  } else {
    headers = obj;
  }
  var statusLine = statusLineOf(statusCode, reasonPhrase);
  if (statusCode === 204 || statusCode === 304 || (statusCode >= 100 && statusCode <= 199)) {
    // These responses have no body, so neither chunked encoding nor a length.
    this._hasBody = false;
  }
  if (this._expect_continue && !this._sent100) this.shouldKeepAlive = false;
  this._storeHeader(statusLine, headers, reasonAscii);
};

ServerResponse.prototype.writeHeader = function() {
  this.writeHead.apply(this, arguments);
};

// --- Server -------------------------------------------------------------------------------------
function Server(requestListener) {
  if (!(this instanceof Server)) return new Server(requestListener);
  net.Server.call(this, { allowHalfOpen: true });
  if (requestListener) this.addListener('request', requestListener);
  this.httpAllowHalfOpen = false;
  this.addListener('connection', connectionListener);
}
util.inherits(Server, net.Server);
exports.Server = Server;

// A connection whose head (the first one, or any later one begun) is not complete after this
// many ms is closed: a peer that never finishes its headers cannot hold a descriptor. As
// today's Node's server.headersTimeout; 0 turns it off.
Server.prototype.headersTimeout = 60 * 1000;
Server.prototype.maxHeadersCount = DEFAULT_MAX_HEADERS_COUNT;
// net's onconnection starts each connection's reads with readStart(true): its first read calls
// handle.onfirstread (serverFirstRead, set by connectionListener) before the bytes go anywhere.
Server.prototype._announceFirstRead = true;
// An HTTP client speaks first: net.js's listenOnHandle has the kernel hold each connection until
// its request's first bytes come, and reads them as it accepts it.
Server.prototype._deferAccept = true;

exports.createServer = function(requestListener) {
  return new Server(requestListener);
};

// Per-connection state lives on the socket and the parser; these functions are shared. The
// socket's queues of requests waiting for their responses (_httpIncoming) and of pipelined
// responses waiting for the connection (_httpOutgoing) are made on first use: a connection that
// never sends a request holds neither the arrays nor the fields.
// https.Server runs the same listener for each CleartextStream of its tls.Server.
exports._connectionListener = connectionListener;
function connectionListener(socket) {
  var self = this;
  socket._httpServer = self;
  // Idle connections close after two minutes, as in v0.6.
  socket.setTimeout(2 * 60 * 1000);
  var native = socket instanceof net.Socket && socket._handle &&
               typeof socket._handle.readStart === 'function';
  // A socket no one has listened to yet gets its listeners as one table, in the order the on()
  // calls below add them otherwise: five on() calls, each announcing 'newListener' and growing
  // the table by one property, were an eighth of a `Connection: close` request's instructions.
  var asTable = native && net._onOnlyStores(socket);
  if (asTable) {
    socket._events = {
      timeout: socketOnTimeout,
      end: serverSocketOnEnd,
      close: serverSocketOnClose,
      error: serverSocketOnError,
      drain: serverSocketOnDrain
    };
  } else {
    socket.on('timeout', socketOnTimeout);
  }
  // The parser reads the socket's bytes natively when it can: no Buffer or 'data' event per
  // read, as v0.6 bypassed 'data' with socket.ondata. It is made when the first read comes
  // (serverFirstRead, which the handle calls before that read's bytes go anywhere; see
  // Server.prototype._announceFirstRead): a connection that sends nothing holds no parser, and
  // the first bytes, like all after them, go to it natively. A socket without a native handle
  // (one a user built) goes through 'data'; so does a tls CleartextStream (https), whose bytes
  // are decrypted in JS: only a net.Socket's own handle may be consumed (its parse failures and
  // upgrades arrive as parser.onError and parser.onUpgrade, on Parser.prototype).
  if (native) {
    socket._handle.onfirstread = serverFirstRead;
  } else {
    attachParser(self, socket);
    socket.on('data', serverSocketOnData);
  }
  watchHeaders(self, socket);
  if (asTable) return;
  socket.on('end', serverSocketOnEnd);
  socket.on('close', serverSocketOnClose);
  socket.on('error', serverSocketOnError);
  socket.on('drain', serverSocketOnDrain);
}

function attachParser(server, socket) {
  var parser = newParser(HTTPParser.REQUEST);
  parser.socket = socket;
  limitHeaders(parser, server.maxHeadersCount);
  parser.onIncoming = parserOnServerIncoming;
  socket.parser = parser;
  // The parser times the head from now on (see checkHeaders).
  if (socket._httpSince !== undefined) socket._httpSince = -1;
  return parser;
}

// handle.onfirstread(nread): a connection's first read has come (nread bytes), and its bytes go
// to the top of the handle's read listeners when this returns: to the parser made and consumed
// here, which counts them toward bytesRead and the idle timer as it does every read after. A
// socket already destroyed, or given a parser some other way, leaves them to net's onread.
// So does one that a program listens to for 'data' (another 'connection' listener's
// socket.once('data'): policyfile 0.0.4 answers Flash's policy request on an http server so):
// its bytes go out as 'data', to those listeners first and then to the parser, as v0.6
// emitted 'data' before it called the parser's socket.ondata.
function serverFirstRead(nread) {
  var socket = this.owner;
  if (!socket || socket.destroyed || socket._handle !== this || socket.parser) return;
  var events = socket._events;
  if (events !== undefined && events.data !== undefined) {
    attachParser(socket._httpServer, socket);
    socket.on('data', serverSocketOnData);
    return;
  }
  attachParser(socket._httpServer, socket).consume(this);
}

// Listens as once() would, without a wrapper closure per connection.
function socketOnTimeout() {
  this.removeListener('timeout', socketOnTimeout);
  this.destroy();
}

// --- Headers timeout ---------------------------------------------------------------------------
// One interval per server looks at its connections (the parser knows since when it has waited
// for a head: headersExpired), rather than a timer per connection.
function headersTimeoutOf(server) {
  var ms = server.headersTimeout === undefined ? Server.prototype.headersTimeout
                                               : Number(server.headersTimeout);
  return ms > 0 ? ms : 0;
}

function watchHeaders(server, socket) {
  if (headersTimeoutOf(server) === 0) return;
  // A connection with no parser yet (see connectionListener) has waited for a head since now.
  if (!socket.parser) socket._httpSince = loopTime[0];
  if (!server._httpHeadersWatched) server._httpHeadersWatched = new Set();
  // serverSocketOnClose (or serverUpgrade) takes it out again.
  server._httpHeadersWatched.add(socket);
  if (!server._httpHeadersTimer) startHeadersCheck(server);
}

function unwatchHeaders(socket) {
  var server = socket._httpServer;
  var watched = server && server._httpHeadersWatched;
  if (!watched) return;
  watched.delete(socket);
}

// The interval never keeps the process alive (the server's connections do), and stops itself
// once it finds no connection left to watch: a server whose clients come one at a time does
// not set and clear an interval per connection.
function startHeadersCheck(server) {
  var every = Math.max(5, Math.min(5000, Math.floor(headersTimeoutOf(server) / 4)));
  server._httpHeadersTimer = setInterval(checkHeaders, every, server);
  server._httpHeadersTimer.unref();
}

function checkHeaders(server) {
  if (server._httpHeadersWatched.size === 0) {
    clearInterval(server._httpHeadersTimer);
    server._httpHeadersTimer = null;
    return;
  }
  var ms = headersTimeoutOf(server);
  var now = loopTime[0];
  var expired = [];
  server._httpHeadersWatched.forEach(function(socket) {
    if (ms === 0 || socket.destroyed) return;
    var parser = socket.parser;
    var since = socket._httpSince;  // -1 once it has a parser, which then keeps the time
    if (parser ? parser.headersExpired(ms) : since >= 0 && now - since >= ms) expired.push(socket);
  });
  for (var i = 0; i < expired.length; i++) headersTimedOut(expired[i]);
}

function headersTimedOut(socket) {
  var error = new Error('Headers timeout');
  error.code = 'ERR_HTTP_REQUEST_TIMEOUT';
  var server = socket._httpServer;
  server._httpHeadersWatched.delete(socket);
  server.emit('clientError', error);
  if (socket.writable && !socket._httpMessage) {
    socket.end('HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n');
  }
  detachParser(socket);
  socket.destroySoon ? socket.destroySoon() : socket.destroy();
}

function serverSocketOnError(e) {
  this._httpServer.emit('clientError', e);
}

// Used only when the parser cannot consume the socket natively (see connectionListener).
function serverSocketOnData(data) {
  var socket = this;
  var parser = socket.parser;
  if (!parser) return;
  var ret = parser.execute(data, 0, data.length);
  if (ret instanceof Error) return serverParseError(socket, ret);
  if (parser.incoming && parser.incoming.upgrade) {
    serverUpgrade(socket, parser.incoming, data.slice(ret, data.length));
  }
}

function parserOnConsumedError(error) {
  serverParseError(this.socket, error);
}

function parserOnConsumedUpgrade(rest) {
  serverUpgrade(this.socket, this.incoming, toBuffer(rest));
}

function serverParseError(socket, error) {
  socket._httpServer.emit('clientError', error);
  // A response is possible only if nothing is being answered on this connection.
  if (socket.writable && !socket._httpMessage) {
    socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
  }
  socket.destroySoon ? socket.destroySoon() : socket.destroy();
  detachParser(socket);
}

// Upgrade or CONNECT: the socket now belongs to the 'upgrade' (or 'connect') listener.
function serverUpgrade(socket, incoming, head) {
  var server = socket._httpServer;
  socket.removeListener('data', serverSocketOnData);
  socket.removeListener('end', serverSocketOnEnd);
  socket.removeListener('close', serverSocketOnClose);
  // The error listener stays (as in v0.6.3): a reset on an upgraded connection is a
  // 'clientError', not an uncaught exception.
  socket.removeListener('drain', serverSocketOnDrain);
  socket.removeListener('timeout', socketOnTimeout);
  unwatchHeaders(socket);
  detachParser(socket);
  if (socket._httpHeld) {
    // The socket is the listener's now, read as it decides.
    socket._httpHeld = false;
    socket.resume();
  }
  var event = incoming.method === 'CONNECT' ? 'connect' : 'upgrade';
  if (event === 'connect' && server.listeners('connect').length === 0) event = 'upgrade';
  if (server.listeners(event).length) {
    socket.setTimeout(0);
    server.emit(event, incoming, socket, head);
  } else {
    socket.destroy();
  }
}

function serverSocketOnEnd() {
  var socket = this;
  var parser = socket.parser;
  if (parser) {
    var ret = parser.finish();
    if (ret instanceof Error) {
      socket._httpServer.emit('clientError', ret);
      socket.destroy();
      return;
    }
  }
  if (!socket._httpServer.httpAllowHalfOpen) {
    // As in v0.6: the client's end aborts whatever it asked for and closes our side too.
    abortIncoming(socket);
    if (socket.writable) socket.end();
  } else if (socket._httpOutgoing && socket._httpOutgoing.length) {
    socket._httpOutgoing[socket._httpOutgoing.length - 1]._last = true;
  } else if (socket._httpMessage) {
    socket._httpMessage._last = true;
  } else if (socket.writable) {
    socket.end();
  }
}

function serverSocketOnClose() {
  var socket = this;
  unwatchHeaders(socket);
  detachParser(socket);
  abortIncoming(socket);
  // The response being written learns that its connection is gone.
  var res = socket._httpMessage;
  if (res) {
    res.detachSocket(socket);
    res.emit('close');
  }
  if (socket._httpOutgoing) socket._httpOutgoing.length = 0;
}

function serverSocketOnDrain() {
  if (this._httpHeld) serverMaybeResume(this);
  if (this._httpMessage) this._httpMessage.emit('drain');
}

function detachParser(socket) {
  if (socket.parser) {
    freeParser(socket.parser);
    socket.parser = null;
  }
}

// Requests still waiting for a response when the connection dies get 'close'.
function abortIncoming(socket) {
  var incoming = socket._httpIncoming;
  while (incoming && incoming.length) {
    var req = incoming.shift();
    req.emit('aborted');
    req.emit('close');
  }
}

function parserOnServerIncoming(req, shouldKeepAlive) {
  var socket = this.socket;
  if (socket.destroyed) {
    // Destroyed by a listener during this read: the requests after that one are not served.
    detachParser(socket);
    return false;
  }
  // A request is activity for the idle timeout. A consumed read (the parser's own) is counted
  // natively, and net's Socket._onTimeout looks at it (listenerReadAge) before it times out;
  // a read through 'data' went through net's onread, which restarted the timer.
  var server = socket._httpServer;
  if (!socket._httpIncoming) socket._httpIncoming = [];
  socket._httpIncoming.push(req);
  if (!socket._httpHeld && serverNeedsPause(socket)) {
    // A client that pipelines requests without reading the responses: stop reading (and so
    // queueing requests and buffering responses) until the responses drain.
    socket._httpHeld = true;
    socket.pause();
  }
  var res = new ServerResponse(req);
  res.shouldKeepAlive = shouldKeepAlive;
  res._socketRef = socket;
  if (socket._httpMessage) {
    // Pipelining: this response waits until the ones before it are done.
    if (!socket._httpOutgoing) socket._httpOutgoing = [];
    socket._httpOutgoing.push(res);
  } else {
    res.assignSocket(socket);
  }

  if (req.headers.expect !== undefined && req.httpVersionMajor === 1 &&
      req.httpVersionMinor === 1 && /100-continue/i.test(req.headers.expect)) {
    res._expect_continue = true;
    if (server.listeners('checkContinue').length) {
      server.emit('checkContinue', req, res);
    } else {
      res.writeContinue();
      server.emit('request', req, res);
    }
  } else {
    server.emit('request', req, res);
  }
  return false;
}

function serverResponseOnFinish() {
  var res = this;
  var socket = res._socketRef;
  res._socketRef = null;
  socket._httpIncoming.shift();
  res.detachSocket(socket);
  if (res._last) {
    socket.destroySoon ? socket.destroySoon() : socket.end();
  } else if (socket._httpOutgoing && socket._httpOutgoing.length) {
    socket._httpOutgoing.shift().assignSocket(socket);
  }
  if (socket._httpHeld) serverMaybeResume(socket);
}

// Pipelining limits per connection: at most this many requests waiting for their responses,
// and no new request read while this much response data waits to be written. When a request
// arrives beyond them, reading stops, and the parser stops at the end of that request (the bytes
// after it wait in the parser: see the binding's pause()).
var MAX_PENDING_REQUESTS = 32;
var OUTGOING_HIGH_WATER = 64 * 1024;

function serverNeedsPause(socket) {
  return (socket._httpIncoming && socket._httpIncoming.length > MAX_PENDING_REQUESTS) ||
         socket.bufferSize >= OUTGOING_HIGH_WATER;
}

// Reading starts again once responses have drained below the limits (and nobody else, such as
// a request paused by its listener, wants the socket paused).
function serverMaybeResume(socket) {
  if (serverNeedsPause(socket)) return;
  socket._httpHeld = false;
  // This may run inside the parser's callbacks (a response ended by a 'request' listener):
  // the parser goes on from a tick of its own.
  if (socket._httpResumeQueued) return;
  socket._httpResumeQueued = true;
  process.nextTick(function() {
    socket._httpResumeQueued = false;
    if (socket._httpHeld || socket.destroyed) return;
    // What the parser held back is parsed first; it may hold the connection again.
    if (socket.parser) socket.parser.resume();
    if (socket._httpHeld || socket.destroyed) return;
    var incoming = socket._httpIncoming;
    var last = incoming && incoming.length ? incoming[incoming.length - 1] : null;
    if (last && last._paused) return;
    if (socket.readable && socket._paused) socket.resume();
  });
}

// --- Client: Agent ------------------------------------------------------------------------------
function Agent(options) {
  EventEmitter.call(this);
  var self = this;
  self.options = options || {};
  self.requests = {};
  self.sockets = {};
  self.maxSockets = self.options.maxSockets || Agent.defaultMaxSockets;
  self.on('free', function(socket, host, port) {
    var name = host + ':' + port;
    if (self.requests[name] && self.requests[name].length) {
      self.requests[name].shift().onSocket(socket);
      if (self.requests[name].length === 0) delete self.requests[name];
    } else {
      // No request is waiting for this host: v0.6's agent closed the socket.
      socket.destroy();
    }
  });
  self.createConnection = net.createConnection;
}
util.inherits(Agent, EventEmitter);
exports.Agent = Agent;

Agent.defaultMaxSockets = 5;
Agent.prototype.defaultPort = 80;

Agent.prototype.addRequest = function(req, host, port) {
  var name = host + ':' + port;
  if (!this.sockets[name]) this.sockets[name] = [];
  if (this.sockets[name].length < this.maxSockets) {
    req.onSocket(this.createSocket(name, host, port));
  } else {
    if (!this.requests[name]) this.requests[name] = [];
    this.requests[name].push(req);
  }
};

Agent.prototype.createSocket = function(name, host, port) {
  var self = this;
  var options = { host: host, port: port };
  for (var key in self.options) options[key] = self.options[key];
  var socket = self.socketPath ? self.createConnection(self.socketPath)
                               : self.createConnection(port, host);
  self.sockets[name].push(socket);
  function onFree() { self.emit('free', socket, host, port); }
  socket.on('free', onFree);
  function onClose() { self.removeSocket(socket, name, host, port); }
  socket.on('close', onClose);
  socket.on('agentRemove', function() {
    self.removeSocket(socket, name, host, port);
    socket.removeListener('close', onClose);
    socket.removeListener('free', onFree);
    socket.removeListener('agentRemove', arguments.callee);
  });
  return socket;
};

Agent.prototype.removeSocket = function(socket, name, host, port) {
  if (this.sockets[name]) {
    var index = this.sockets[name].indexOf(socket);
    // The array stays, empty, as in v0.6.3.
    if (index !== -1) removeAt(this.sockets[name], index);
  }
  if (this.requests[name] && this.requests[name].length) {
    // A socket went away while requests wait: open a new one for them.
    if (!this.sockets[name]) this.sockets[name] = [];
    this.createSocket(name, host, port).emit('free');
  }
};

// Removes list[index] by hand, not with splice(): v0.6.3's splice passed over an element it could
// not delete, where today's V8 throws, and request 2.9's toJSON() pins such elements on the
// arrays it walks, the agent's `sockets` included (see events.js removeListener).
function removeAt(list, index) {
  for (var i = index + 1; i < list.length; i++) list[i - 1] = list[i];
  list.length = list.length - 1;
}

var globalAgent = new Agent();
exports.globalAgent = globalAgent;

// --- Client: ClientRequest ------------------------------------------------------------------------
function ClientRequest(options, cb) {
  var self = this;
  OutgoingMessage.call(self);
  if (typeof options === 'string') options = url.parse(options);
  options = options || {};
  self.agent = options.agent === undefined ? globalAgent : options.agent;
  var defaultPort = options.defaultPort || 80;
  var port = options.port || defaultPort;
  var host = options.hostname || options.host || 'localhost';
  if (options.setHost === undefined) var setHost = true;
  self.socketPath = options.socketPath;
  if (options.maxHeadersCount !== undefined) self.maxHeadersCount = options.maxHeadersCount;
  var method = options.method;
  if (method !== undefined && method !== null && method !== '' && typeof method !== 'string') {
    var typeError = new TypeError('The "method" option must be a string');
    typeError.code = 'ERR_INVALID_ARG_TYPE';
    throw typeError;
  }
  method = self.method = checkToken('Method', (method || 'GET').toUpperCase());
  self.path = options.path || '/';
  if (typeof self.path !== 'string' || INVALID_PATH.test(self.path)) {
    // Control characters, spaces, CR and LF would split the request line; above 0xFF, the
    // head's Latin-1 writer would turn them into other bytes.
    var pathError = new TypeError('Request path contains unescaped characters');
    pathError.code = 'ERR_UNESCAPED_CHARACTERS';
    throw pathError;
  }
  if (cb) self.once('response', cb);

  if (!Array.isArray(options.headers)) {
    if (options.headers) {
      var keys = Object.keys(options.headers);
      for (var i = 0; i < keys.length; i++) self.setHeader(keys[i], options.headers[keys[i]]);
    }
    if (host && !this.getHeader('host') && setHost) {
      var hostHeader = host;
      if (port && +port !== +defaultPort) hostHeader += ':' + port;
      this.setHeader('Host', hostHeader);
    }
  }
  if (options.auth && !this.getHeader('Authorization')) {
    this.setHeader('Authorization', 'Basic ' + new Buffer(options.auth).toString('base64'));
  }
  if (method === 'GET' || method === 'HEAD' || method === 'CONNECT') {
    self.useChunkedEncodingByDefault = false;
  } else {
    self.useChunkedEncodingByDefault = true;
  }
  if (Array.isArray(options.headers)) {
    self._storeHeader(self.method + ' ' + self.path + ' HTTP/1.1\r\n', options.headers);
  } else if (self.getHeader('expect')) {
    self._storeHeader(self.method + ' ' + self.path + ' HTTP/1.1\r\n', self._renderHeaders());
  }

  if (self.socketPath) {
    self._last = true;
    self.shouldKeepAlive = false;
    self.onSocket(net.createConnection(self.socketPath));
  } else if (self.agent) {
    self._last = false;
    self.shouldKeepAlive = true;
    self.agent.addRequest(self, host, port);
  } else {
    // No agent: a connection of our own that closes after the response.
    self._last = true;
    self.shouldKeepAlive = false;
    var connection = options.createConnection ? options.createConnection(port, host, options)
                                              : net.createConnection(port, host);
    self.onSocket(connection);
  }
  self._deferToConnect(null, null, function() {
    self._flush();
  });
}
util.inherits(ClientRequest, OutgoingMessage);
exports.ClientRequest = ClientRequest;

ClientRequest.prototype._implicitHeader = function() {
  this._storeHeader(this.method + ' ' + this.path + ' HTTP/1.1\r\n', this._renderHeaders());
};

ClientRequest.prototype.abort = function() {
  if (this.socket) {
    this.socket.destroy();
    return;
  }
  // No socket yet: a request still queued in its agent leaves the queue; one whose socket is
  // on its way gives that socket up when it arrives (onSocket). Either way the request emits
  // 'close' on a later tick, as it did in v0.6 (once its socket had closed) and does in today's
  // Node; code of the time waits for it (restler 2.0's abort() reports 'complete' on it).
  if (this._aborted) return;
  this._aborted = true;
  var agent = this.agent;
  if (agent && agent.requests) {
    var keys = Object.keys(agent.requests);
    for (var i = 0; i < keys.length; i++) {
      var queue = agent.requests[keys[i]];
      var index = queue.indexOf(this);
      if (index !== -1) {
        queue.splice(index, 1);
        if (queue.length === 0) delete agent.requests[keys[i]];
        process.nextTick(emitClose, this);
        break;
      }
    }
  }
};

function emitClose(emitter) {
  emitter.emit('close');
}

function createHangUpError() {
  var error = new Error('socket hang up');
  error.code = 'ECONNRESET';
  return error;
}

ClientRequest.prototype.onSocket = function(socket) {
  var req = this;
  process.nextTick(function() {
    if (req._aborted) {
      // An agent's socket goes to the next request (or is closed by the agent); our own closes.
      if (req.agent && !req.socketPath) socket.emit('free');
      else socket.destroy();
      req.emit('close');
      return;
    }
    var parser = newParser(HTTPParser.RESPONSE);
    limitHeaders(parser, req.maxHeadersCount);
    req.socket = socket;
    req.connection = socket;
    parser.socket = socket;
    parser.incoming = null;
    req.parser = parser;
    socket.parser = parser;
    socket._httpMessage = req;
    parser.onIncoming = parserOnClientIncoming;
    parser.req = req;
    socket.on('error', clientSocketOnError);
    socket.on('data', clientSocketOnData);
    socket.on('end', clientSocketOnEnd);
    socket.on('close', clientSocketOnClose);
    socket.on('drain', clientSocketOnDrain);
    req.emit('socket', socket);
  });
};

function clientSocketOnError(error) {
  var req = this._httpMessage;
  if (req) {
    req.emit('error', error);
    req._hadError = true;
  }
  if (this.parser) {
    freeParser(this.parser);
    this.parser = null;
  }
}

function clientSocketOnData(data) {
  var socket = this;
  var req = socket._httpMessage;
  var parser = socket.parser;
  if (!parser || !req) return;
  var ret;
  socket._httpParsing = true;
  try {
    ret = parser.execute(data, 0, data.length);
  } finally {
    socket._httpParsing = false;
    if (socket._httpReleaseReq) {
      // The response ended inside this read (responseOnEnd held the socket back): the socket
      // goes back to the agent only if nothing came after the response. Bytes after it (a second
      // response, junk) mean the server is broken: the socket is closed instead.
      var done = socket._httpReleaseReq;
      socket._httpReleaseReq = null;
      if (typeof ret === 'number' && ret === data.length) releaseSocket(socket, done);
      else discardSocket(socket, done);
    }
  }
  if (socket.parser !== parser) return;  // let go of during the parse
  if (ret instanceof Error) {
    freeParser(parser);
    socket.parser = null;
    socket.destroy();
    req.emit('error', ret);
    req._hadError = true;
  } else if (parser.incoming && parser.incoming.upgrade) {
    var res = parser.incoming;
    var head = data.slice(ret, data.length);
    var event = req.method === 'CONNECT' ? 'connect' : 'upgrade';
    socket.removeListener('data', clientSocketOnData);
    socket.removeListener('end', clientSocketOnEnd);
    socket.removeListener('close', clientSocketOnClose);
    socket.removeListener('error', clientSocketOnError);
    socket.removeListener('drain', clientSocketOnDrain);
    freeParser(parser);
    socket.parser = null;
    if (req.listeners(event).length) {
      req.upgradeOrConnect = true;
      // v0.6.3's order: the listener has the socket before the agent lets go of it.
      req.emit(event, res, socket, head);
      socket.emit('agentRemove');
      req.emit('close');
    } else {
      socket.destroy();
    }
  }
}

// The request re-emits its socket's 'drain' (a file piped into a request waits for it).
function clientSocketOnDrain() {
  var req = this._httpMessage;
  if (req) req.emit('drain');
}

function clientSocketOnEnd() {
  var socket = this;
  var req = socket._httpMessage;
  if (req && !req.res && !req._hadError) {
    // The server closed without a complete response.
    req.emit('error', createHangUpError());
    req._hadError = true;
  }
  if (socket.parser) {
    socket.parser.finish();
    freeParser(socket.parser);
    socket.parser = null;
  }
  socket.destroy();
}

function clientSocketOnClose() {
  var socket = this;
  var req = socket._httpMessage;
  if (req) {
    if (req.res && req.res.readable) {
      // The response never finished: v0.6 emitted 'aborted' then 'end'.
      req.res.emit('aborted');
      var res = req.res;
      res._emitEnd();
      res.emit('close');
    } else if (!req.res && !req._hadError) {
      req.emit('error', createHangUpError());
      req._hadError = true;
    }
    req.emit('close');
  }
  if (socket.parser) {
    freeParser(socket.parser);
    socket.parser = null;
  }
}

function parserOnClientIncoming(res, shouldKeepAlive) {
  var parser = this;
  var socket = parser.socket;
  var req = socket._httpMessage;
  if (req.res) {
    // A second response on one request: the server is broken. Nothing more is parsed.
    freeParser(parser);
    if (socket.parser === parser) socket.parser = null;
    socket.destroy();
    return false;
  }
  if (res.statusCode === 100) {
    // Interim response: the body may follow now.
    delete parser.incoming;
    req.emit('continue');
    return true;
  }
  req.res = res;
  // As in v0.6.3, the connection is kept only when the server says so with
  // Connection: keep-alive (and the parser agrees the message allows it).
  if (req.shouldKeepAlive && (!shouldKeepAlive || !saysKeepAlive(res.headers.connection)) &&
      !req.upgradeOrConnect) {
    req.shouldKeepAlive = false;
  }
  res.req = req;
  res.once('end', responseOnEnd);
  var isHead = req.method === 'HEAD';
  var hasListener = req.emit('response', res);
  if (!hasListener) {
    // Nobody reads the body: drain it so the socket can be reused.
    res.on('data', function() {});
  }
  // After the user's own 'end' listeners: a request made in one of them gets this socket back
  // from the agent.
  res.once('end', responseOnEndKeepAlive);
  return isHead;
}

function saysKeepAlive(value) {
  return typeof value === 'string' && /(^|,)\s*keep-alive\s*(,|$)/i.test(value);
}

function responseOnEnd() {
  var res = this;
  var req = res.req;
  var socket = req.socket;
  if (!req.shouldKeepAlive) {
    // The connection is not reused: nothing after this response is parsed (a broken server's
    // extra bytes are dropped with the connection).
    if (socket.parser) {
      freeParser(socket.parser);
      socket.parser = null;
    }
    if (socket.writable) socket.destroySoon ? socket.destroySoon() : socket.end();
  }
}

function responseOnEndKeepAlive() {
  var res = this;
  var req = res.req;
  var socket = req.socket;
  if (req.shouldKeepAlive && socket && !socket.destroyed && socket._httpMessage === req) {
    // The socket goes back to the agent for the next request; the parser stops here, whatever
    // else this read holds.
    socket.removeListener('error', clientSocketOnError);
    socket.removeListener('data', clientSocketOnData);
    socket.removeListener('end', clientSocketOnEnd);
    socket.removeListener('close', clientSocketOnClose);
    socket.removeListener('drain', clientSocketOnDrain);
    if (socket.parser) {
      freeParser(socket.parser);
      socket.parser = null;
    }
    if (socket._httpParsing) {
      // Inside the parse of a read: clientSocketOnData decides once it knows what followed.
      socket._httpReleaseReq = req;
    } else {
      releaseSocket(socket, req);
    }
  }
}

function releaseSocket(socket, req) {
  socket._httpMessage = null;
  req.emit('close');
  socket.emit('free');
}

// A keep-alive socket on which the server sent more than the response: it is not reused. The
// request had its whole response; it gets 'close', and the agent forgets the socket on 'close'.
function discardSocket(socket, req) {
  socket._httpMessage = null;
  socket.on('error', function() {});
  socket.destroy();
  req.emit('close');
}

// Runs `method` on the socket once it exists and is connected.
ClientRequest.prototype._deferToConnect = function(method, args, cb) {
  var self = this;
  function onSocket() {
    if (self.socket.writable && !self.socket._connecting) {
      if (method) self.socket[method].apply(self.socket, args);
      if (cb) cb();
    } else {
      self.socket.once('connect', function() {
        if (method) self.socket[method].apply(self.socket, args);
        if (cb) cb();
      });
    }
  }
  if (!self.socket) self.once('socket', onSocket);
  else onSocket();
};

ClientRequest.prototype.setTimeout = function(msecs, callback) {
  var self = this;
  if (callback) self.once('timeout', callback);
  function emitTimeout() { self.emit('timeout'); }
  this._deferToConnect(null, null, function() {
    self.socket.setTimeout(msecs, emitTimeout);
  });
};

ClientRequest.prototype.setNoDelay = function() {
  this._deferToConnect('setNoDelay', arguments);
};

ClientRequest.prototype.setSocketKeepAlive = function() {
  this._deferToConnect('setKeepAlive', arguments);
};

// The request owns its socket as soon as it is assigned, so queued output can go.
ClientRequest.prototype._flush = function() {
  if (!this.socket) return;
  this.socket._httpMessage = this;
  OutgoingMessage.prototype._flush.call(this);
};

exports.request = function(options, cb) {
  if (typeof options === 'string') options = url.parse(options);
  if (options && options.protocol && options.protocol !== 'http:') {
    throw new Error('Protocol:' + options.protocol + ' not supported.');
  }
  if (options && options.agent === undefined && options.socketPath === undefined) {
    options.agent = globalAgent;
  }
  return new ClientRequest(options, cb);
};

exports.get = function(options, cb) {
  if (typeof options === 'string') options = url.parse(options);
  options.method = 'GET';
  var req = exports.request(options, cb);
  req.end();
  return req;
};

// --- Deprecated: http.createClient ------------------------------------------------------------------
function Client(port, host) {
  EventEmitter.call(this);
  this.port = port || 80;
  this.host = host || 'localhost';
  this.agent = new Agent({ host: this.host, port: this.port, maxSockets: 1 });
}
util.inherits(Client, EventEmitter);

Client.prototype.request = function(method, path, headers) {
  if (typeof path !== 'string') {
    headers = path;
    path = method;
    method = 'GET';
  }
  var self = this;
  var req = new ClientRequest({
    port: self.port, host: self.host, headers: headers, method: method, path: path,
    agent: self.agent
  });
  req.on('error', function(err) { self.emit('error', err); });
  // As in v0.6.3 the client emits 'end' when its connection ends (once per connection).
  req.on('socket', function(socket) {
    if (socket._httpClientOwner === self) return;
    socket._httpClientOwner = self;
    socket.on('end', function() { self.emit('end'); });
  });
  return req;
};

exports.Client = Client;
exports.createClient = function(port, host) {
  return new Client(port, host);
};
