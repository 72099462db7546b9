// Fuzzes the fork() IPC channel's line reader (stdlib/lib/child_process.js: channelOnRead and
// dispatchLine), which splits what the peer process writes into JSON messages, one per line.
//
// The harness appends `exports.__fuzzSetupChannel = setupChannel;` to child_process.js when it
// compiles it (the module itself is unchanged) and attaches the channel to a stand-in pipe whose
// onread() the target calls with the input, cut into pieces at arbitrary points (a multi-byte
// UTF-8 character may be cut too). Input: byte 0 seeds the cuts, the rest is the stream.
// Checks: no exception escapes; every complete line yields exactly one 'message',
// 'internalMessage' or 'error' (ERR_IPC_BAD_MESSAGE) event; what is emitted is the same whether
// the stream arrives whole or in pieces.
#include <cstddef>
#include <cstdint>

#include "runtime/fuzz/js_harness.h"

namespace {

const char kFactory[] = R"JS(
(function (require, process, check, feature) {
  var setupChannel = require('child_process').__fuzzSetupChannel;
  var EventEmitter = require('events').EventEmitter;
  var Buffer = require('buffer').Buffer;

  function FakePipe() {
    this.refs = 0;
    this.closed = false;
  }
  FakePipe.prototype.readStart = function () { return 0; };
  FakePipe.prototype.ref = function () { this.refs++; };
  FakePipe.prototype.unref = function () { this.refs--; };
  FakePipe.prototype.close = function () { this.closed = true; };
  FakePipe.prototype.pendingHandleType = function () { return null; };

  function feed(bytes, seed) {
    var target = new EventEmitter();
    var events = [];
    target.on('message', function (m, handle) {
      check(handle === undefined, 'no handle was sent');
      events.push('message ' + JSON.stringify(m));
    });
    target.on('internalMessage', function (m) { events.push('internal ' + JSON.stringify(m)); });
    target.on('error', function (e) {
      check(e.code === 'ERR_IPC_BAD_MESSAGE', 'error code ' + e.code);
      events.push('error ' + e.code);
    });
    var pipe = new FakePipe();
    setupChannel(target, pipe, 0);
    var pos = 0;
    var state = seed;
    while (pos < bytes.length) {
      var size = bytes.length - pos;
      if (seed !== 0) {
        state = (state * 1103515245 + 12345) >>> 0;
        size = Math.min(size, 1 + (state >>> 16) % 16);
      }
      // A read lands in a fresh ArrayBuffer, possibly bigger than what was read.
      var ab = new ArrayBuffer(size + (state & 3));
      new Uint8Array(ab).set(bytes.subarray(pos, pos + size));
      pipe.onread(size, ab);
      pos += size;
    }
    process._runTicks();
    return events;
  }

  return function (input) {
    if (input.length < 1) return;
    var bytes = input.subarray(1);
    var whole = feed(bytes, 0);
    var pieces = feed(bytes, input[0] || 1);
    var lines = 0;
    for (var i = 0; i < bytes.length; i++) if (bytes[i] === 10) lines++;
    feature(JSON.stringify(whole.slice(0, 8).map(function (e) {
      return e.split(' ')[0] + (e.indexOf('message ') === 0 ? e.charAt(8) : '');
    })));
    check(whole.length === lines, whole.length + ' events for ' + lines + ' lines');
    check(JSON.stringify(whole) === JSON.stringify(pieces),
          'events depend on the cuts:\n' + whole.join('\n') + '\n--\n' + pieces.join('\n'));
  };
})
)JS";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  nodus::fuzz::HarnessOptions options;
  options.module_suffixes["child_process"] = "exports.__fuzzSetupChannel = setupChannel;";
  nodus::fuzz::RunInput(kFactory, data, size, options);
  return 0;
}
