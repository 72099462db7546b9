// Fuzzes process.binding('http_parser') as stdlib/lib/http.js drives it, and with v0.6's
// callbacks: arbitrary bytes, as a request or a response stream, handed to execute() in pieces
// split at arbitrary points.
//
// Input: byte 0 holds flags, byte 1 seeds the split points, the rest is the stream.
//   flags & 1    parse a response (else a request)
//   flags & 2    detach() from onMessageComplete after the first message (http.js freeParser)
//   flags & 4    pause() in onHeadersComplete, resume() after execute() returns
//   flags & 8    setMaxHeaderPairs(3)
//   flags & 16   onHeadersComplete returns true (a response to HEAD: no body)
//   flags & 32   reinitialize() and parse the stream again with the same parser
//   flags & 64   v0.6's callbacks (onHeadersComplete(info), onBody(buffer, start, length),
//                onHeaders(trailers) then onMessageComplete()), else http.js's (fastCallbacks())
// Checks: no crash, hang or escaping exception; execute() returns a byte count within the piece
// or an Error with an HPE_ code; with neither detach nor pause, the messages seen (method, url,
// status, headers, body, trailers) and whether the stream failed are the same when the stream
// arrives whole as when it arrives in pieces.
#include <cstddef>
#include <cstdint>

#include "runtime/fuzz/js_harness.h"

namespace {

const char kFactory[] = R"JS(
(function (require, process, check, feature) {
  var HTTPParser = process.binding('http_parser').HTTPParser;

  function parse(parser, bytes, seed, flags) {
    var log = [];
    var failed = null;
    var detached = false;
    var paused = false;
    var body = [];
    var upgrade = false;   // the last head asked for an upgrade
    var upgraded = false;  // ... and its message is complete: the rest of the stream is not HTTP
    function onHead(headers, method, url, status, major, minor, keepAlive, upgradeHead) {
      check(Array.isArray(headers) && headers.length % 2 === 0, 'headers are name/value pairs');
      upgrade = !!upgradeHead;
      log.push(['head', headers.join('\n'), method, url, status, major, minor, keepAlive,
                upgradeHead]);
      if (flags & 4) {
        parser.pause();
        paused = true;
      }
      return (flags & 16) !== 0;
    }
    function onBody(chunk) {
      check(chunk instanceof Uint8Array, 'a body chunk is a Uint8Array');
      body.push(String.fromCharCode.apply(null, chunk));
    }
    function onEnd(trailers) {
      if (upgrade) upgraded = true;
      log.push(['body', body.join('')]);
      body = [];
      log.push(['end', trailers === undefined ? null : trailers.join('\n')]);
      if ((flags & 2) && !detached) {
        detached = true;
        parser.detach();
      }
    }
    if (flags & 64) {
      var trailers;
      parser.onHeadersComplete = function (info) {
        check(info !== null && typeof info === 'object', 'the head is one object');
        return onHead(info.headers, info.method, info.url, info.statusCode, info.versionMajor,
                      info.versionMinor, info.shouldKeepAlive, info.upgrade);
      };
      parser.onBody = function (buffer, start, length) {
        check(buffer instanceof Uint8Array && start >= 0 && length > 0 &&
              start + length <= buffer.length, 'a body piece is within its buffer');
        onBody(buffer.subarray(start, start + length));
      };
      parser.onHeaders = function (fields, url) {
        check(Array.isArray(fields) && url === '', 'trailers come through onHeaders');
        trailers = fields;
      };
      parser.onMessageComplete = function () {
        check(arguments.length === 0, 'onMessageComplete() has no arguments');
        var t = trailers;
        trailers = undefined;
        onEnd(t);
      };
    } else {
      parser.onHeadersComplete = onHead;
      parser.onBody = onBody;
      parser.onMessageComplete = onEnd;
    }
    var pos = 0;
    var state = seed;
    while (pos < bytes.length && failed === null && !detached) {
      var size = bytes.length - pos;
      if (seed !== 0) {
        state = (state * 1103515245 + 12345) >>> 0;
        size = Math.min(size, 1 + (state >>> 16) % 24);
      }
      var ret = parser.execute(bytes, pos, size);
      if (ret instanceof Error) {
        check(typeof ret.code === 'string' && ret.code.slice(0, 4) === 'HPE_', 'error code ' + ret.code);
        failed = ret.code;
        break;
      }
      check(typeof ret === 'number' && ret >= 0 && ret <= size, 'execute() returned ' + ret);
      if (paused) {
        paused = false;
        var r = parser.resume();
        if (r instanceof Error) { failed = r.code; break; }
      }
      // After an upgrade the rest of the stream is not HTTP; http.js hands it to the user. The
      // parser stops there (ret < size), unless the piece ended exactly at the upgrade: then only
      // the flag tells, as http.js reads it (an execute() of the next piece would parse the
      // other protocol's bytes as a new message).
      if ((ret < size || upgraded) && !detached) break;
      pos += size;
    }
    if (failed === null && !detached) {
      var end = parser.finish();
      if (end instanceof Error) failed = end.code;
    }
    if (body.length) log.push(['body', body.join('')]);
    // What the parse did, for libFuzzer (js_harness.h): the kinds of messages and the error.
    feature(JSON.stringify([flags & 1, failed, log.slice(0, 6).map(function (e) {
      if (e[0] === 'head') {
        return [e[2], e[4], Math.min(e[1].split('\n').length, 9), e[5], e[6], e[7], e[8]];
      }
      return [e[0], e[1] === null ? -1 : Math.min(e[1].length, 9)];
    })]));
    return { log: JSON.stringify(log), failed: failed !== null };
  }

  return function (input) {
    if (input.length < 2) return;
    var flags = input[0];
    var seed = input[1] || 1;
    var bytes = input.subarray(2);
    var type = (flags & 1) ? HTTPParser.RESPONSE : HTTPParser.REQUEST;
    var parser = new HTTPParser(type);
    if (!(flags & 64)) parser.fastCallbacks();
    if (flags & 8) parser.setMaxHeaderPairs(3);
    var pieces = parse(parser, bytes, seed, flags);
    if (flags & 32) {
      parser.reinitialize(type);
      parse(parser, bytes, 0, flags);
    }
    if ((flags & 6) === 0) {
      var whole = new HTTPParser(type);
      if (!(flags & 64)) whole.fastCallbacks();
      if (flags & 8) whole.setMaxHeaderPairs(3);
      var once = parse(whole, bytes, 0, flags);
      check(once.failed === pieces.failed,
            'failure depends on the split: whole ' + once.failed + ', pieces ' + pieces.failed);
      if (!once.failed) {
        check(once.log === pieces.log,
              'messages depend on the split:\n' + once.log + '\n' + pieces.log);
      }
    }
  };
})
)JS";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  nodus::fuzz::RunInput(kFactory, data, size);
  return 0;
}
