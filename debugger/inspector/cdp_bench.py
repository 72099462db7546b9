"""Attach-to-first-pause and a 10,000-step `stepOver` loop over the Chrome DevTools Protocol,
for Nodus and for `node` driven the same way, in the same run (issue 15, "Measured").

    python3 debugger/inspector/cdp_bench.py bazel-bin/runtime/runtime node

For each runtime: `--runs` rounds of: start it with --inspect-brk=0, read the WebSocket URL from
stderr, GET /json/list, open the WebSocket, send Runtime.enable, Debugger.enable and
Runtime.runIfWaitingForDebugger, and wait for the "Break on start" Debugger.paused. Reported:
spawn-to-pause and connect-to-pause (from the /json/list request on), median and min. Then one
round of `--steps` Debugger.stepOver calls, each waiting for its Debugger.paused, in a loop that
outlasts them. All of it twice: with a plain client, and with one that ACKs every segment at once
(TCP_QUICKACK), since a server that writes a response and an event as two small segments with
Nagle's algorithm on waits for the client's delayed ACK (40 ms on Linux) between them.
"""

import argparse
import json
import os
import socket
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cdp_test  # noqa: E402  (the test's HTTP and WebSocket client)
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "agent"))
import interrupt_test  # noqa: E402  (a protobuf client written with the standard library)

STEP_SCRIPT = """var total = 0;
for (var i = 0; i < 1e9; i++) {
  total += i;
}
"""


class QuickAckWebSocket(cdp_test.WebSocket):
    """Acknowledges every segment at once (TCP_QUICKACK, re-armed before each read, as Linux
    clears it), so that a server writing a response and an event as two small segments with
    Nagle's algorithm on is not held up by this client's delayed ACK."""

    def _need(self, n):
        while len(self.buffer) < n:
            self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
            chunk = self.sock.recv(65536)
            if not chunk:
                raise EOFError("connection closed")
            self.buffer += chunk


def one_round(runtime, script, steps, quickack=False):
    t0 = time.perf_counter()
    d = cdp_test.Debuggee("--inspect-brk=0", script)
    try:
        _, port, _ = d.ws_address()
        t_connect = time.perf_counter()
        _, body = cdp_test.http_get(port, "/json/list")
        url = json.loads(body)[0]["webSocketDebuggerUrl"]
        ws = (QuickAckWebSocket if quickack else cdp_test.WebSocket)(port,
                                                                    "/" + url.split("/", 3)[3])
        ws.call("Runtime.enable")
        ws.call("Debugger.enable")
        ws.call("Runtime.runIfWaitingForDebugger")
        ws.wait_event("Debugger.paused")
        t_paused = time.perf_counter()
        step_time = None
        if steps:
            s0 = time.perf_counter()
            for _ in range(steps):
                ws.events.clear()
                ws.call("Debugger.stepOver")
                ws.wait_event("Debugger.paused")
            step_time = time.perf_counter() - s0
        ws.close()
        return t_paused - t0, t_paused - t_connect, step_time
    finally:
        d.kill()


def protobuf_round(runtime, script, steps):
    """The same over Nodus's own protocol: --debug-brk=0, connect, wait for the start Break."""
    interrupt_test.RUNTIME = runtime
    t0 = time.perf_counter()
    d = interrupt_test.Debuggee("--debug-brk=0", script)
    try:
        port = int(d.read_stderr_until(rb"debugger listening on port (\d+)\n").group(1))
        t_connect = time.perf_counter()
        client = interrupt_test.Client(port)
        client.wait_break()
        t_paused = time.perf_counter()
        step_time = None
        if steps:
            s0 = time.perf_counter()
            for _ in range(steps):
                client.call(3)  # Step{kind: OVER}
                client.wait_break()
            step_time = time.perf_counter() - s0
        client.close()
        return t_paused - t0, t_paused - t_connect, step_time
    finally:
        d.kill()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("runtimes", nargs="*")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--steps", type=int, default=10000)
    parser.add_argument("--protobuf", help="a Nodus runtime to measure over its own protocol too")
    args = parser.parse_args()
    script = cdp_test.write_script(STEP_SCRIPT)
    if args.protobuf:
        spawn, attach = [], []
        for _ in range(args.runs):
            a, b, _ = protobuf_round(args.protobuf, script, 0)
            spawn.append(a * 1000)
            attach.append(b * 1000)
        _, _, step_time = protobuf_round(args.protobuf, script, args.steps)
        print("%-16s %-13s spawn-to-pause %6.1f ms (min %6.1f)  connect-to-pause %6.1f ms "
              "(min %6.1f)  %d x next     %6.2f s (%.3f ms each)"
              % (os.path.basename(args.protobuf), "protobuf", statistics.median(spawn),
                 min(spawn), statistics.median(attach), min(attach), args.steps, step_time,
                 step_time * 1000 / args.steps))
        sys.stdout.flush()
    for runtime in args.runtimes:
        cdp_test.RUNTIME = runtime
        name = os.path.basename(runtime)
        if runtime == "node":
            name = "node " + os.popen("node --version").read().strip()
        for quickack in (False, True):
            spawn, attach = [], []
            for _ in range(args.runs):
                a, b, _ = one_round(runtime, script, 0, quickack)
                spawn.append(a * 1000)
                attach.append(b * 1000)
            _, _, step_time = one_round(runtime, script, args.steps, quickack)
            print("%-16s %-13s spawn-to-pause %6.1f ms (min %6.1f)  connect-to-pause %6.1f ms "
                  "(min %6.1f)  %d x stepOver %6.2f s (%.3f ms each)"
                  % (name, "quickack" if quickack else "plain client", statistics.median(spawn),
                     min(spawn), statistics.median(attach), min(attach), args.steps, step_time,
                     step_time * 1000 / args.steps))
            sys.stdout.flush()


if __name__ == "__main__":
    main()
