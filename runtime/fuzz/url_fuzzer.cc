// Fuzzes url.parse, url.format and url.resolve (stdlib/lib/url.js, with punycode and
// querystring) on arbitrary strings, run in an embedded isolate.
//
// Input: byte 0 holds flags (parseQueryString, slashesDenoteHost, Latin-1 or UTF-8 reading of the
// rest, where to cut the rest into a base and a relative URL). Checks: none of them throws on a
// string argument; parse returns an object whose fields are strings or undefined (query may be
// an object when asked for); format and resolve return strings; parsing a URL's href again gives
// the same href (formatting is stable).
#include <cstddef>
#include <cstdint>

#include "runtime/fuzz/js_harness.h"

namespace {

const char kFactory[] = R"JS(
(function (require, process, check, feature) {
  var url = require('url');
  var Buffer = require('buffer').Buffer;
  var fields = ['protocol', 'slashes', 'auth', 'host', 'port', 'hostname', 'hash', 'search',
                'pathname', 'path', 'href'];

  function parse(s, qs, slashes) {
    var u;
    try {
      u = url.parse(s, qs, slashes);
    } catch (e) {
      check(false, 'url.parse threw ' + e + ' on ' + JSON.stringify(s));
    }
    check(u !== null && typeof u === 'object', 'parse returns an object');
    fields.forEach(function (f) {
      var v = u[f];
      check(v === undefined || v === null || typeof v === 'string' || typeof v === 'boolean',
            f + ' is ' + typeof v);
    });
    check(typeof u.href === 'string', 'href is a string');
    if (qs) check(typeof u.query === 'object' && u.query !== null, 'query is an object');
    return u;
  }

  return function (input) {
    if (input.length < 1) return;
    var flags = input[0];
    var bytes = input.subarray(1);
    var s = (flags & 4) ? new Buffer(Array.prototype.slice.call(bytes)).toString('utf8')
                        : String.fromCharCode.apply(null, bytes);
    var qs = (flags & 1) !== 0;
    var slashes = (flags & 2) !== 0;
    var u = parse(s, qs, slashes);
    feature(JSON.stringify([qs, slashes, String(u.protocol).slice(0, 12)].concat(fields.map(function (f) {
      return u[f] === undefined || u[f] === null ? 0 : typeof u[f] === 'string' ? Math.min(u[f].length, 3) : 4;
    }))));
    var formatted = url.format(u);
    check(typeof formatted === 'string', 'format returns a string');
    check(typeof url.format(s) === 'string', 'format(string) returns a string');
    var again = parse(u.href, qs, slashes);
    check(typeof again.href === 'string', 'reparse');
    var cut = s.length ? (flags >> 3) % (s.length + 1) : 0;
    var resolved = url.resolve(s.slice(0, cut), s.slice(cut));
    check(typeof resolved === 'string', 'resolve returns a string');
    // v0.6.3 returns `relative` itself when `source` is empty.
    var obj = url.resolveObject(s.slice(0, cut), s.slice(cut));
    check(cut === 0 || (typeof obj === 'object' && obj !== null), 'resolveObject returns an object');
  };
})
)JS";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  nodus::fuzz::RunInput(kFactory, data, size);
  return 0;
}
