"""The Chrome DevTools Protocol endpoint end to end: the real runtime under --inspect-brk /
--inspect, driven over HTTP and a WebSocket written here (RFC 6455 client side), as DevTools,
VS Code or `node inspect` would drive it; and hostile bytes on both debugger ports."""

import http.client
import json
import os
import re
import select
import socket
import struct
import subprocess
import tempfile
import time
import unittest

RUNTIME = os.path.join(os.environ.get("TEST_SRCDIR", "."), "nodus", "runtime", "runtime")
TIMEOUT = 30  # seconds: a bound on a hang, not a timing assertion

SCRIPT = """var total = 0;
function add(a, b) {
  var sum = a + b;
  return sum;
}
for (var i = 0; i < 3; i++) total = add(total, i);
var nested = { list: [1, 2, { deep: { deeper: { deepest: 1 } } }] };
console.log('total ' + total);
"""
ADD_LINE = 3  # 1-based: `var sum = a + b;`

# A program that stays up until told to stop(), and says when it is ready (a client can attach,
# and evaluate, before the main module has run).
LIVE_SCRIPT = """var t = setInterval(function() {}, 1000);
global.stop = function() { clearInterval(t); };
require('fs').writeSync(2, 'ready\\n');
"""


def write_script(source, name="script.js"):
    directory = tempfile.mkdtemp(dir=os.environ.get("TEST_TMPDIR"))
    path = os.path.join(directory, name)
    with open(path, "w") as f:
        f.write(source)
    return path


class Debuggee:
    def __init__(self, *args):
        self.proc = subprocess.Popen([RUNTIME] + list(args), stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE)
        self.stderr = b""

    def read_stderr_until(self, pattern):
        deadline = time.monotonic() + TIMEOUT
        while True:
            match = re.search(pattern, self.stderr)
            if match:
                return match
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError("no %r on stderr: %r" % (pattern, self.stderr))
            ready, _, _ = select.select([self.proc.stderr], [], [], left)
            if ready:
                chunk = os.read(self.proc.stderr.fileno(), 4096)
                if not chunk:
                    raise AssertionError("stderr closed: %r" % self.stderr)
                self.stderr += chunk

    def ws_address(self):
        m = self.read_stderr_until(rb"Debugger listening on ws://([0-9.]+):(\d+)/([0-9a-f-]+)\n")
        return m.group(1).decode(), int(m.group(2)), m.group(3).decode()

    def finish(self):
        out, err = self.proc.communicate(timeout=TIMEOUT)
        self.stderr += err
        return self.proc.returncode, out.decode()

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.communicate()


def http_get(port, path, host=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
    headers = {"Host": host} if host else {}
    conn.request("GET", path, headers=headers)
    response = conn.getresponse()
    body = response.read().decode()
    conn.close()
    return response.status, body


def mask_frame(opcode, payload, fin=True, mask=True, length_override=None):
    header = bytes([(0x80 if fin else 0) | opcode])
    n = len(payload) if length_override is None else length_override
    bit = 0x80 if mask else 0
    if n < 126:
        header += bytes([bit | n])
    elif n <= 0xFFFF:
        header += bytes([bit | 126]) + struct.pack(">H", n)
    else:
        header += bytes([bit | 127]) + struct.pack(">Q", n)
    if not mask:
        return header + payload
    key = os.urandom(4)
    return header + key + bytes(b ^ key[i % 4] for i, b in enumerate(payload))


class WebSocket:
    def __init__(self, port, path):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
        self.sock.sendall(("GET %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nUpgrade: websocket\r\n"
                           "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                           "Sec-WebSocket-Version: 13\r\n\r\n" % (path, port)).encode())
        self.buffer = b""
        while b"\r\n\r\n" not in self.buffer:
            chunk = self.sock.recv(4096)
            if not chunk:
                break
            self.buffer += chunk
        head, _, self.buffer = self.buffer.partition(b"\r\n\r\n")
        self.status_line = head.split(b"\r\n")[0].decode()
        self.head = head.decode()
        self.next_id = 0
        self.events = []

    def _need(self, n):
        while len(self.buffer) < n:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise EOFError("connection closed")
            self.buffer += chunk

    def recv_frame(self):
        self._need(2)
        b0, b1 = self.buffer[0], self.buffer[1]
        assert b1 & 0x80 == 0, "server frames must not be masked"
        n, at = b1 & 0x7F, 2
        if n == 126:
            self._need(4)
            n, at = struct.unpack(">H", self.buffer[2:4])[0], 4
        elif n == 127:
            self._need(10)
            n, at = struct.unpack(">Q", self.buffer[2:10])[0], 10
        self._need(at + n)
        payload = self.buffer[at:at + n]
        self.buffer = self.buffer[at + n:]
        return b0 & 0x0F, payload

    def send_raw(self, data):
        self.sock.sendall(data)

    def send(self, method, params=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method}
        if params is not None:
            message["params"] = params
        self.send_raw(mask_frame(1, json.dumps(message).encode()))
        return self.next_id

    def recv_message(self):
        opcode, payload = self.recv_frame()
        assert opcode == 1, "expected a text frame, got opcode %d %r" % (opcode, payload)
        return json.loads(payload)

    def call(self, method, params=None):
        call_id = self.send(method, params)
        while True:
            message = self.recv_message()
            if message.get("id") == call_id:
                return message
            self.events.append(message)

    def wait_event(self, method):
        for i, message in enumerate(self.events):
            if message.get("method") == method:
                return self.events.pop(i)
        while True:
            message = self.recv_message()
            if message.get("method") == method:
                return message
            self.events.append(message)

    def closed(self):
        """True once the server has closed (after any close frame)."""
        try:
            while True:
                opcode, _ = self.recv_frame()
                if opcode == 8:
                    continue
        except (EOFError, ConnectionResetError):
            return True
        except socket.timeout:
            return False

    def close(self):
        self.sock.close()


def attach_protobuf(port):
    """A protobuf client that the agent has accepted: its Version request got an answer that
    is not the one-debugger-at-a-time refusal (the previous client's close may still be on its
    way to the agent, so a refusal means try again)."""
    for _ in range(1000):
        s = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
        s.sendall(struct.pack(">I", 4) + b"\x08\x01\x5a\x00")  # Request{seq: 1, version: {}}
        data = b""
        while len(data) < 4 or len(data) < 4 + struct.unpack(">I", data[:4])[0]:
            chunk = s.recv(4096)
            if not chunk:
                break
            data += chunk
        if b"one debugger at a time" not in data and len(data) > 4:
            return s
        s.close()
    raise AssertionError("the protobuf agent never accepted a client")


class CdpTest(unittest.TestCase):
    def test_session_breakpoint_evaluate_step(self):
        script = write_script(SCRIPT)
        d = Debuggee("--inspect-brk=0", script)
        try:
            host, port, target = d.ws_address()
            self.assertEqual(host, "127.0.0.1")
            status, body = http_get(port, "/json/list")
            self.assertEqual(status, 200)
            targets = json.loads(body)
            self.assertEqual(len(targets), 1)
            t = targets[0]
            for field in ("description", "devtoolsFrontendUrl", "faviconUrl", "id", "title",
                          "type", "url", "webSocketDebuggerUrl"):
                self.assertIn(field, t)
            self.assertEqual(t["id"], target)
            self.assertEqual(t["type"], "node")
            self.assertEqual(t["url"], "file://" + script)
            self.assertEqual(t["webSocketDebuggerUrl"], "ws://127.0.0.1:%d/%s" % (port, target))
            self.assertIn("ws=127.0.0.1:%d/%s" % (port, target), t["devtoolsFrontendUrl"])
            self.assertEqual(json.loads(http_get(port, "/json")[1]), targets)
            version = json.loads(http_get(port, "/json/version")[1])
            self.assertEqual(version["Browser"], "node.js/v0.6.3")
            self.assertEqual(version["Protocol-Version"], "1.1")
            self.assertEqual(http_get(port, "/nothing")[0], 404)
            # A page on another site rebinding its DNS to us is refused.
            self.assertEqual(http_get(port, "/json/list", host="evil.example:%d" % port)[0], 400)

            path = t["webSocketDebuggerUrl"].split("/", 3)[3]
            ws = WebSocket(port, "/" + path)
            self.assertIn("101", ws.status_line)
            self.assertIn("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", ws.head)
            self.assertIn("result", ws.call("Runtime.enable"))
            self.assertIn("result", ws.call("Debugger.enable"))
            # What clients send on attach that V8 does not implement: answered, never a hang.
            self.assertIn("result", ws.call("NodeRuntime.enable"))
            self.assertIn("result", ws.call("NodeWorker.enable", {"waitForDebuggerOnStart": True}))
            reply = ws.call("NodeTracing.getCategories")
            self.assertEqual(reply["error"]["code"], -32601)
            reply = ws.call("Runtime.getIsolateId")
            self.assertTrue("result" in reply or "error" in reply)
            bp = ws.call("Debugger.setBreakpointByUrl",
                         {"url": script, "lineNumber": ADD_LINE - 1})
            self.assertIn("breakpointId", bp["result"])
            self.assertIn("result", ws.call("Runtime.runIfWaitingForDebugger"))

            paused = ws.wait_event("Debugger.paused")["params"]
            self.assertEqual(paused["reason"], "Break on start")
            self.assertEqual(paused["callFrames"][0]["location"]["lineNumber"], 0)
            ws.call("Debugger.resume")

            paused = ws.wait_event("Debugger.paused")["params"]
            frame = paused["callFrames"][0]
            self.assertEqual(frame["location"]["lineNumber"], ADD_LINE - 1)
            self.assertEqual(frame["functionName"], "add")
            self.assertEqual(paused["hitBreakpoints"], [bp["result"]["breakpointId"]])
            value = ws.call("Debugger.evaluateOnCallFrame",
                            {"callFrameId": frame["callFrameId"], "expression": "a * 10 + b"})
            self.assertEqual(value["result"]["result"], {"type": "number", "value": 0,
                                                         "description": "0"})

            ws.call("Debugger.stepOver")
            paused = ws.wait_event("Debugger.paused")["params"]
            self.assertEqual(paused["callFrames"][0]["location"]["lineNumber"], ADD_LINE)
            value = ws.call("Debugger.evaluateOnCallFrame",
                            {"callFrameId": paused["callFrames"][0]["callFrameId"],
                             "expression": "sum"})
            self.assertEqual(value["result"]["result"]["value"], 0)

            # Second time round: a = 0, b = 1.
            ws.call("Debugger.resume")
            paused = ws.wait_event("Debugger.paused")["params"]
            value = ws.call("Debugger.evaluateOnCallFrame",
                            {"callFrameId": paused["callFrames"][0]["callFrameId"],
                             "expression": "[a, b].join()"})
            self.assertEqual(value["result"]["result"]["value"], "0,1")
            ws.call("Debugger.removeBreakpoint", {"breakpointId": bp["result"]["breakpointId"]})
            ws.call("Debugger.resume")
            code, out = d.finish()
            self.assertEqual(code, 0, d.stderr)
            self.assertEqual(out, "total 3\n")
            ws.close()
        finally:
            d.kill()

    def test_detach_while_paused_lets_the_program_finish(self):
        script = write_script(SCRIPT)
        d = Debuggee("--inspect-brk=0", script)
        try:
            _, port, target = d.ws_address()
            ws = WebSocket(port, "/" + target)
            ws.call("Debugger.enable")
            ws.call("Debugger.setBreakpointByUrl", {"url": script, "lineNumber": ADD_LINE - 1})
            ws.call("Runtime.runIfWaitingForDebugger")
            ws.wait_event("Debugger.paused")
            ws.call("Debugger.resume")
            ws.wait_event("Debugger.paused")
            ws.send_raw(mask_frame(8, struct.pack(">H", 1000)))
            self.assertTrue(ws.closed())
            code, out = d.finish()
            self.assertEqual((code, out), (0, "total 3\n"))
        finally:
            d.kill()

    def test_requests_sent_with_a_resume_are_answered(self):
        # After a resume, what the client sent with it waits until V8 has left the pause. Here
        # the next breakpoint is the next statement, which V8 reaches before anything else could
        # serve the request: it must be answered in that pause.
        script = write_script("var x = 1;\nx = 2;\nx = 3;\nx = 4;\nconsole.log('x ' + x);\n")
        d = Debuggee("--inspect-brk=0", script)
        try:
            _, port, target = d.ws_address()
            ws = WebSocket(port, "/" + target)
            ws.call("Debugger.enable")
            for line in (1, 2, 3):
                ws.call("Debugger.setBreakpointByUrl", {"url": script, "lineNumber": line})
            ws.call("Runtime.runIfWaitingForDebugger")
            ws.wait_event("Debugger.paused")  # on start, line 1
            for line in (1, 2, 3):
                # Both in one segment, so that the agent reads them together.
                ws.next_id += 2
                evaluate = ws.next_id
                ws.send_raw(mask_frame(1, json.dumps({"id": evaluate - 1,
                                                      "method": "Debugger.resume"}).encode()) +
                            mask_frame(1, json.dumps({"id": evaluate,
                                                      "method": "Runtime.evaluate",
                                                      "params": {"expression": "6 * 7"}})
                                       .encode()))
                reply = None
                while reply is None:
                    message = ws.recv_message()
                    if message.get("id") == evaluate:
                        reply = message
                    else:
                        ws.events.append(message)
                self.assertEqual(reply["result"]["result"]["value"], 42)
                paused = ws.wait_event("Debugger.paused")["params"]
                self.assertEqual(paused["callFrames"][0]["location"]["lineNumber"], line)
            ws.send("Debugger.resume")
            code, out = d.finish()
            self.assertEqual((code, out), (0, "x 4\n"), d.stderr)
        finally:
            d.kill()

    def test_framing_on_a_live_session(self):
        script = write_script(LIVE_SCRIPT)
        d = Debuggee("--inspect=0", script)
        try:
            _, port, target = d.ws_address()
            d.read_stderr_until(rb"ready\n")
            ws = WebSocket(port, "/" + target)
            # Ping: a pong with the same payload.
            ws.send_raw(mask_frame(9, b"hello?"))
            self.assertEqual(ws.recv_frame(), (10, b"hello?"))
            # A fragmented message, with a ping between its fragments.
            message = json.dumps({"id": 7, "method": "Runtime.evaluate",
                                  "params": {"expression": "6 * 7"}}).encode()
            ws.send_raw(mask_frame(1, message[:10], fin=False))
            ws.send_raw(mask_frame(9, b"mid", fin=True))
            ws.send_raw(mask_frame(0, message[10:20], fin=False))
            ws.send_raw(mask_frame(0, message[20:], fin=True))
            self.assertEqual(ws.recv_frame(), (10, b"mid"))
            reply = ws.recv_message()
            self.assertEqual(reply["id"], 7)
            self.assertEqual(reply["result"]["result"]["value"], 42)
            # Not JSON, and JSON without an id: errors, the session goes on.
            ws.send_raw(mask_frame(1, b"{not json"))
            self.assertEqual(ws.recv_message()["error"]["code"], -32700)
            ws.send_raw(mask_frame(1, b'{"method":"Runtime.evaluate"}'))
            self.assertEqual(ws.recv_message()["error"]["code"], -32600)
            self.assertEqual(ws.call("Runtime.evaluate", {"expression": "1+1"})
                             ["result"]["result"]["value"], 2)
            # An unmasked client frame: close 1002, then the connection goes.
            ws.send_raw(mask_frame(1, b'{"id":1,"method":"Runtime.enable"}', mask=False))
            opcode, payload = ws.recv_frame()
            self.assertEqual(opcode, 8)
            self.assertEqual(struct.unpack(">H", payload[:2])[0], 1002)
            self.assertTrue(ws.closed())

            # A 2^63-byte frame header: refused without waiting for the bytes.
            ws = WebSocket(port, "/" + target)
            self.assertIn("101", ws.status_line)
            ws.send_raw(bytes([0x81, 0xFF]) + struct.pack(">Q", 1 << 63) + b"\0\0\0\0")
            opcode, payload = ws.recv_frame()
            self.assertEqual(opcode, 8)
            self.assertIn(struct.unpack(">H", payload[:2])[0], (1002, 1009))
            self.assertTrue(ws.closed())
            # 2^63 - 1: too big.
            ws = WebSocket(port, "/" + target)
            ws.send_raw(bytes([0x82, 0xFF]) + struct.pack(">Q", (1 << 63) - 1) + b"\0\0\0\0")
            opcode, payload = ws.recv_frame()
            self.assertEqual(struct.unpack(">H", payload[:2])[0], 1009)
            self.assertTrue(ws.closed())
            # A binary frame is not CDP.
            ws = WebSocket(port, "/" + target)
            ws.send_raw(mask_frame(2, b"\x00\x01"))
            opcode, payload = ws.recv_frame()
            self.assertEqual(struct.unpack(">H", payload[:2])[0], 1003)
            self.assertTrue(ws.closed())
            # Invalid UTF-8 in a text frame.
            ws = WebSocket(port, "/" + target)
            ws.send_raw(mask_frame(1, b'{"id":1,"method":"\xff"}'))
            opcode, payload = ws.recv_frame()
            self.assertEqual(struct.unpack(">H", payload[:2])[0], 1007)
            self.assertTrue(ws.closed())

            # HTTP garbage, a wrong path, a wrong version, a POST.
            for request, status in [
                    (b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", None),
                    (b"HELLO THERE\r\n\r\n", b"400"),
                    (b"GET /wrong HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                     b"Sec-WebSocket-Key: x\r\nSec-WebSocket-Version: 13\r\n\r\n", b"404"),
                    (("GET /%s HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                      "Sec-WebSocket-Key: x\r\nSec-WebSocket-Version: 8\r\n\r\n" % target)
                     .encode(), b"426"),
                    (b"POST /json HTTP/1.1\r\nContent-Length: 0\r\n\r\n", b"405"),
                    (b"GET /json HTTP/1.1\r\nX: " + b"a" * 20000 + b"\r\n\r\n", b"431"),
            ]:
                s = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
                try:
                    s.sendall(request)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                data = b""
                try:
                    while True:
                        chunk = s.recv(4096)
                        if not chunk:
                            break
                        data += chunk
                except ConnectionResetError:
                    pass
                s.close()
                if status is not None:
                    self.assertTrue(data.startswith(b"HTTP/1.1 " + status), (request[:40], data))

            # The program is unharmed: attach again, and stop it.
            ws = WebSocket(port, "/" + target)
            reply = ws.call("Runtime.evaluate", {"expression": "stop(), 'stopped'"})
            self.assertEqual(reply["result"]["result"].get("value"), "stopped", reply)
            code, _ = d.finish()
            self.assertEqual(code, 0, d.stderr)
        finally:
            d.kill()

    def test_one_protocol_at_a_time(self):
        script = write_script(LIVE_SCRIPT)
        d = Debuggee("--debug=0", "--inspect=0", script)
        try:
            m = d.read_stderr_until(rb"debugger listening on port (\d+)\n")
            pb_port = int(m.group(1))
            _, port, target = d.ws_address()
            d.read_stderr_until(rb"ready\n")
            ws = WebSocket(port, "/" + target)
            self.assertIn("101", ws.status_line)
            # The protobuf port: a Response saying why, then a closed connection.
            s = socket.create_connection(("127.0.0.1", pb_port), timeout=TIMEOUT)
            data = b""
            while True:
                chunk = s.recv(4096)
                if not chunk:
                    break
                data += chunk
            s.close()
            self.assertIn(b"one debugger at a time", data)
            # A second WebSocket: refused.
            second = WebSocket(port, "/" + target)
            self.assertIn("409", second.status_line)
            second.close()
            ws.close()
            # The other way round: a protobuf client attached (once its Version request is
            # answered), the upgrade is refused.
            s = attach_protobuf(pb_port)
            attempt = WebSocket(port, "/" + target)
            self.assertIn("409", attempt.status_line)
            self.assertIn(b"protobuf", attempt.head.encode() + attempt.buffer)
            # Protobuf junk: an error response or a closed connection; the program lives on.
            s.sendall(struct.pack(">I", 5) + b"\xff\xff\xff\xff\xff")
            s.settimeout(TIMEOUT)
            while s.recv(4096):
                pass
            s.close()
            s = socket.create_connection(("127.0.0.1", pb_port), timeout=TIMEOUT)
            s.sendall(b"\xff\xff\xff\xff")  # a 4 GiB frame
            while s.recv(4096):
                pass
            s.close()
            ws = None
            for _ in range(100):
                ws = WebSocket(port, "/" + target)
                if "101" in ws.status_line:
                    break
                ws.close()
            reply = ws.call("Runtime.evaluate", {"expression": "stop(), 'stopped'"})
            self.assertEqual(reply["result"]["result"].get("value"), "stopped", reply)
            code, _ = d.finish()
            self.assertEqual(code, 0, d.stderr)
        finally:
            d.kill()

    def test_pause_stops_while_true(self):
        script = write_script("var spins = 'yes', check = function() { return spins; };\n"
                              "require('fs').writeSync(2, 'spinning\\n');\n"
                              "while (true) {}\n")
        d = Debuggee("--inspect=0", script)
        try:
            _, port, target = d.ws_address()
            d.read_stderr_until(rb"spinning\n")
            # The program never returns to its event loop: the agent's thread and an interrupt
            # serve the upgrade and every message.
            ws = WebSocket(port, "/" + target)
            self.assertIn("101", ws.status_line)
            ws.call("Debugger.enable")
            for _ in range(2):
                self.assertIn("result", ws.call("Debugger.pause"))
                paused = ws.wait_event("Debugger.paused")["params"]
                frame = paused["callFrames"][0]
                self.assertEqual(frame["location"]["lineNumber"], 2)
                value = ws.call("Debugger.evaluateOnCallFrame",
                                {"callFrameId": frame["callFrameId"], "expression": "spins"})
                self.assertEqual(value["result"]["result"]["value"], "yes")
                # A resume and a pause sent together: the pause is not lost in the resume.
                ws.send("Debugger.resume")
            ws.send("Debugger.pause")
            paused = ws.wait_event("Debugger.paused")["params"]
            ws.send("Debugger.evaluateOnCallFrame",
                    {"callFrameId": paused["callFrames"][0]["callFrameId"],
                     "expression": "process.exit(7)"})
            code, _ = d.finish()
            self.assertEqual(code, 7, d.stderr)
        finally:
            d.kill()

    def test_non_loopback_host_warns(self):
        script = write_script("setTimeout(function() {}, 1);\n")
        d = Debuggee("--inspect=0.0.0.0:0", script)
        try:
            d.read_stderr_until(rb"Debugger listening on ws://0\.0\.0\.0:\d+/")
            self.assertIn(b"Warning", d.stderr)
            self.assertIn(b"run any code", d.stderr)
            code, _ = d.finish()
            self.assertEqual(code, 0)
        finally:
            d.kill()
        d = Debuggee("--inspect=127.0.0.1:0", script)
        try:
            d.ws_address()
            code, _ = d.finish()
            self.assertEqual(code, 0)
            self.assertNotIn(b"Warning", d.stderr)
        finally:
            d.kill()

    def test_port_in_use(self):
        holder = socket.socket()
        holder.bind(("127.0.0.1", 0))
        holder.listen(1)
        port = holder.getsockname()[1]
        try:
            # --inspect-brk cannot wait for a client it cannot hear: it gives up.
            proc = subprocess.run([RUNTIME, "--inspect-brk=%d" % port, "-e", "console.log(1)"],
                                  capture_output=True, timeout=TIMEOUT)
            self.assertEqual(proc.returncode, 1)
            self.assertEqual(proc.stdout, b"")
            self.assertIn(b"failed: EADDRINUSE", proc.stderr)
            # --inspect says so and runs the program anyway.
            proc = subprocess.run([RUNTIME, "--inspect=%d" % port, "-e", "console.log(1)"],
                                  capture_output=True, timeout=TIMEOUT)
            self.assertEqual((proc.returncode, proc.stdout), (0, b"1\n"))
            self.assertIn(b"failed: EADDRINUSE", proc.stderr)
        finally:
            holder.close()

    def test_bad_flag_values(self):
        for flag in ("--inspect=:", "--inspect=host:99999", "--inspect-brk=x:y",
                     "--debug-port=x", "--debug-port=70000"):
            proc = subprocess.run([RUNTIME, flag, "-e", "0"], capture_output=True,
                                  timeout=TIMEOUT)
            self.assertEqual(proc.returncode, 9, flag)
            self.assertIn(b"bad", proc.stderr)


if __name__ == "__main__":
    unittest.main()
