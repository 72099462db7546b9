// Fuzzes querystring.parse, stringify, escape and unescape (stdlib/lib/querystring.js) on
// arbitrary strings, run in an embedded isolate.
//
// Input: byte 0 holds flags (Latin-1 or UTF-8 reading, custom sep/eq, maxKeys), the rest is the
// query string. Checks: parse never throws and returns an object whose values are strings or
// arrays of strings, with no inherited property replaced; stringify(parse(s)) parses back to the
// same object; unescape never throws; escape never throws on a well-formed string.
#include <cstddef>
#include <cstdint>

#include "runtime/fuzz/js_harness.h"

namespace {

const char kFactory[] = R"JS(
(function (require, process, check, feature) {
  var qs = require('querystring');
  var Buffer = require('buffer').Buffer;

  function checkParsed(obj, what) {
    check(obj !== null && typeof obj === 'object', what + ' is an object');
    Object.keys(obj).forEach(function (k) {
      var v = obj[k];
      check(typeof v === 'string' ||
            (Array.isArray(v) && v.every(function (x) { return typeof x === 'string'; })),
            what + ': value of ' + JSON.stringify(k) + ' is ' + typeof v);
    });
  }

  function wellFormed(s) {
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff) {
        var d = s.charCodeAt(i + 1);
        if (!(d >= 0xdc00 && d <= 0xdfff)) return false;
        i++;
      } else if (c >= 0xdc00 && c <= 0xdfff) {
        return false;
      }
    }
    return true;
  }

  return function (input) {
    if (input.length < 1) return;
    var flags = input[0];
    var bytes = input.subarray(1);
    var s = (flags & 1) ? new Buffer(Array.prototype.slice.call(bytes)).toString('utf8')
                        : String.fromCharCode.apply(null, bytes);
    var sep = (flags & 2) ? ';' : undefined;
    var eq = (flags & 4) ? ':' : undefined;
    var obj;
    try {
      obj = (flags & 8) ? qs.parse(s, sep, eq, { maxKeys: flags >> 4 }) : qs.parse(s, sep, eq);
    } catch (e) {
      check(false, 'querystring.parse threw ' + e + ' on ' + JSON.stringify(s));
    }
    checkParsed(obj, 'parse');
    var keys = Object.keys(obj);
    feature(JSON.stringify([flags & 15, Math.min(keys.length, 9), keys.slice(0, 4).map(function (k) {
      return [Math.min(k.length, 3), Array.isArray(obj[k]) ? 4 : Math.min(obj[k].length, 3)];
    })]));
    var un = qs.unescape(s);
    check(typeof un === 'string', 'unescape returns a string');
    if (wellFormed(s)) {
      check(typeof qs.escape(s) === 'string', 'escape returns a string');
    }
    var allWellFormed = Object.keys(obj).every(function (k) {
      return wellFormed(k) && [].concat(obj[k]).every(wellFormed);
    });
    if (allWellFormed && (flags & 8) === 0) {
      var text = qs.stringify(obj, sep, eq);
      check(typeof text === 'string', 'stringify returns a string');
      var back = qs.parse(text, sep, eq);
      checkParsed(back, 'reparse');
      check(JSON.stringify(back) === JSON.stringify(obj),
            'stringify then parse changes the object: ' + JSON.stringify(obj) + ' -> ' +
            JSON.stringify(text) + ' -> ' + JSON.stringify(back));
    }
  };
})
)JS";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  nodus::fuzz::RunInput(kFactory, data, size);
  return 0;
}
