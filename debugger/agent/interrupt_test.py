"""The agent reaching a program that is not waiting for it: `kill -USR1 <pid>` starts the agent
in a running process, and `pause` stops a program spinning in `while (true) {}` (the watcher
thread and Isolate::RequestInterrupt, debugger/agent/agent.cc). The protobuf protocol is spoken
with a few lines of hand encoding, so the test needs nothing but Python."""

import os
import re
import select
import signal
import socket
import struct
import subprocess
import tempfile
import unittest

RUNTIME = os.path.join(os.environ.get("TEST_SRCDIR", "."), "nodus", "runtime", "runtime")
TIMEOUT = 30  # seconds: a bound on a hang, not a timing assertion
WATCHER_THREAD = "nodus-debugger"  # the agent's thread, as named in agent.cc

# Stays up until stop() is evaluated in it; says on stderr when it is ready.
LIVE_SCRIPT = """var t = setInterval(function() {}, 1000);
global.stop = function() { clearInterval(t); };
require('fs').writeSync(2, 'ready\\n');
"""

# Never returns to the event loop. (`spins` is in a closure so that V8 keeps it in the frame's
# context, where evaluation finds it, in optimized code too.)
BUSY_SCRIPT = """var spins = 'yes', check = function() { return spins; };
require('fs').writeSync(2, 'spinning\\n');
while (true) {}
"""
BUSY_LINE = 3


def write_script(source):
    directory = tempfile.mkdtemp(dir=os.environ.get("TEST_TMPDIR"))
    path = os.path.join(directory, "script.js")
    with open(path, "w") as f:
        f.write(source)
    return path


class Debuggee:
    def __init__(self, *args):
        self.proc = subprocess.Popen([RUNTIME] + list(args), stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE)
        self.stderr = b""

    def read_stderr_until(self, pattern):
        while True:
            match = re.search(pattern, self.stderr)
            if match:
                return match
            ready, _, _ = select.select([self.proc.stderr], [], [], TIMEOUT)
            if not ready:
                raise AssertionError("no %r on stderr: %r" % (pattern, self.stderr))
            chunk = os.read(self.proc.stderr.fileno(), 4096)
            if not chunk:
                raise AssertionError("stderr closed without %r: %r" % (pattern, self.stderr))
            self.stderr += chunk

    def threads(self):
        names = []
        task = "/proc/%d/task" % self.proc.pid
        for tid in os.listdir(task):
            try:
                with open(os.path.join(task, tid, "comm")) as f:
                    names.append(f.read().strip())
            except FileNotFoundError:
                pass
        return names

    def wait(self):
        _, err = self.proc.communicate(timeout=TIMEOUT)
        self.stderr += err
        return self.proc.returncode

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.communicate()


# The protobuf wire format, as much as debugger.proto needs.
def varint(n):
    out = b""
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out += bytes([byte | 0x80])
        else:
            return out + bytes([byte])


def field(number, payload):
    """A length-delimited field (a string or a message)."""
    return varint(number << 3 | 2) + varint(len(payload)) + payload


def decode(data):
    """{field number: [values]}: ints for varints, bytes for length-delimited fields."""
    fields, at = {}, 0
    while at < len(data):
        key, at = read_varint(data, at)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, at = read_varint(data, at)
        elif wire == 2:
            n, at = read_varint(data, at)
            value, at = data[at:at + n], at + n
        else:
            raise AssertionError("unexpected wire type %d" % wire)
        fields.setdefault(number, []).append(value)
    return fields


def read_varint(data, at):
    value, shift = 0, 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return value, at


# Request fields (debugger.proto): seq = 1, cont = 2, pause = 4, evaluate = 8, version = 11.
CONT, PAUSE, EVALUATE, VERSION = 2, 4, 8, 11


class Client:
    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
        self.buffer = b""
        self.seq = 0

    def send(self, command, body=b""):
        self.seq += 1
        message = varint(1 << 3) + varint(self.seq) + field(command, body)
        self.sock.sendall(struct.pack(">I", len(message)) + message)
        return self.seq

    def receive(self):
        """The next AgentMessage as {"response": fields} or {"event": fields}, or None once the
        agent has closed the connection."""
        while True:
            if len(self.buffer) >= 4:
                n = struct.unpack(">I", self.buffer[:4])[0]
                if len(self.buffer) >= 4 + n:
                    message = decode(self.buffer[4:4 + n])
                    self.buffer = self.buffer[4 + n:]
                    if 1 in message:
                        return {"response": decode(message[1][0])}
                    return {"event": decode(message[2][0])}
            chunk = self.sock.recv(65536)
            if not chunk:
                return None
            self.buffer += chunk

    def call(self, command, body=b""):
        seq = self.send(command, body)
        while True:
            message = self.receive()
            if message is None:
                raise EOFError("closed before the answer to request %d" % seq)
            if "response" in message and message["response"].get(1, [0])[0] == seq:
                return message["response"]

    def wait_break(self):
        """The frames of the next Break event: [(function name, url, line)]."""
        while True:
            message = self.receive()
            if message is None:
                raise EOFError("closed before a break")
            if "event" in message:
                brk = decode(message["event"][1][0])
                frames = []
                for frame in brk.get(2, []):
                    f = decode(frame)
                    location = decode(f[3][0])
                    frames.append((f.get(2, [b""])[0].decode(), location.get(2, [b""])[0].decode(),
                                   location.get(3, [0])[0]))
                return brk.get(1, [b""])[0].decode(), frames

    def evaluate(self, expression):
        response = self.call(EVALUATE, field(1, expression.encode()))
        if 6 not in response:
            raise AssertionError("no value: %r" % response)
        return decode(response[6][0]).get(2, [b""])[0].decode()

    def close(self):
        self.sock.close()


def attach(port):
    """A client the agent has accepted: one at a time, and the previous client's close may
    still be on its way to the agent, which closes a second connection at once."""
    for _ in range(1000):
        client = Client(port)
        try:
            client.call(VERSION)
            return client
        except (EOFError, ConnectionResetError):
            client.close()
    raise AssertionError("the agent never accepted a client")


class SignalTest(unittest.TestCase):
    def test_sigusr1_starts_the_agent(self):
        d = Debuggee("--debug-port=0", write_script(LIVE_SCRIPT))
        try:
            d.read_stderr_until(rb"ready\n")
            # A program never debugged has no debugger thread.
            self.assertNotIn(WATCHER_THREAD, d.threads())
            d.proc.send_signal(signal.SIGUSR1)
            m = d.read_stderr_until(
                rb"Hit SIGUSR1 - starting debugger agent.\ndebugger listening on port (\d+)\n")
            client = Client(int(m.group(1)))
            version = decode(client.call(VERSION)[9][0])
            self.assertEqual(version[2][0], b"v0.6.3")
            # The agent has started (it answers), and with it its thread.
            self.assertIn(WATCHER_THREAD, d.threads())
            # A second signal changes nothing: the agent is already listening.
            d.proc.send_signal(signal.SIGUSR1)
            self.assertEqual(client.evaluate("1 + 1"), "2")
            self.assertEqual(client.evaluate("stop(), 'stopped'"), "'stopped'")
            client.close()
            self.assertEqual(d.wait(), 0, d.stderr)
            self.assertEqual(d.stderr.count(b"Hit SIGUSR1"), 1, d.stderr)
        finally:
            d.kill()

    def test_sigusr1_uses_port_5858(self):
        # Another program on this machine may hold 5858: then the agent says so, and the
        # program runs on.
        d = Debuggee(write_script(LIVE_SCRIPT))
        try:
            d.read_stderr_until(rb"ready\n")
            d.proc.send_signal(signal.SIGUSR1)
            d.read_stderr_until(rb"Hit SIGUSR1 - starting debugger agent.\n(debugger listening "
                                rb"on port 5858|debugger: cannot listen on port 5858: "
                                rb"EADDRINUSE)\n")
            self.assertIsNone(d.proc.poll())
        finally:
            d.kill()

    def test_sigusr1_adds_the_protobuf_port_to_inspect(self):
        d = Debuggee("--inspect=0", "--debug-port=0", write_script(LIVE_SCRIPT))
        try:
            d.read_stderr_until(rb"ready\n")
            self.assertNotIn(b"debugger listening on port", d.stderr)
            d.proc.send_signal(signal.SIGUSR1)
            m = d.read_stderr_until(rb"debugger listening on port (\d+)\n")
            client = Client(int(m.group(1)))
            self.assertEqual(client.evaluate("stop(), 'stopped'"), "'stopped'")
            client.close()
            self.assertEqual(d.wait(), 0, d.stderr)
        finally:
            d.kill()


class PauseTest(unittest.TestCase):
    def test_pause_stops_while_true(self):
        d = Debuggee("--debug=0", write_script(BUSY_SCRIPT))
        try:
            port = int(d.read_stderr_until(rb"debugger listening on port (\d+)\n").group(1))
            d.read_stderr_until(rb"spinning\n")
            # Attaching needs the agent's thread too: the loop never runs again.
            client = Client(port)
            for _ in range(2):  # and again after a cont
                self.assertNotIn(3, client.call(PAUSE))  # no error
                reason, frames = client.wait_break()
                self.assertEqual(reason, "other")
                self.assertEqual(frames[0][2], BUSY_LINE, frames)
                self.assertTrue(frames[0][1].endswith("script.js"), frames)
                self.assertEqual(client.evaluate("spins"), "'yes'")
                self.assertNotIn(3, client.call(CONT))
            client.call(PAUSE)
            client.wait_break()
            # The program is in the debugger's hands: it can be made to leave.
            client.send(EVALUATE, field(1, b"process.exit(7)"))
            self.assertEqual(d.wait(), 7, d.stderr)
        finally:
            d.kill()

    def test_detach_leaves_it_spinning(self):
        d = Debuggee("--debug=0", write_script(BUSY_SCRIPT))
        try:
            port = int(d.read_stderr_until(rb"debugger listening on port (\d+)\n").group(1))
            d.read_stderr_until(rb"spinning\n")
            client = Client(port)
            client.call(PAUSE)
            client.wait_break()
            client.close()
            # A new client can attach and pause it again: it runs on, undebugged, in between.
            client = attach(port)
            client.call(PAUSE)
            _, frames = client.wait_break()
            self.assertEqual(frames[0][2], BUSY_LINE)
            client.send(EVALUATE, field(1, b"process.exit(3)"))
            self.assertEqual(d.wait(), 3, d.stderr)
        finally:
            d.kill()


class DebugBrkTest(unittest.TestCase):
    def test_start_break_comes_before_any_answer(self):
        # The agent could serve requests while bootstrap JS runs, but --debug-brk promises the
        # `start` Break first (debugger/README.md, "A session, in order").
        d = Debuggee("--debug-brk=0", write_script("var x = 1;\nx = 2;\n"))
        try:
            port = int(d.read_stderr_until(rb"debugger listening on port (\d+)\n").group(1))
            client = Client(port)
            seq = client.send(VERSION)
            first = client.receive()
            self.assertIn("event", first)
            self.assertEqual(decode(first["event"][1][0])[1][0], b"start")
            self.assertEqual(client.receive()["response"][1][0], seq)
            client.call(CONT)
            client.close()
            self.assertEqual(d.wait(), 0, d.stderr)
        finally:
            d.kill()

    def test_without_a_main_module_requests_are_answered(self):
        d = Debuggee("--debug-brk=0", "-e", LIVE_SCRIPT)
        try:
            port = int(d.read_stderr_until(rb"debugger listening on port (\d+)\n").group(1))
            client = Client(port)
            self.assertEqual(client.evaluate("stop(), 'stopped'"), "'stopped'")
            client.close()
            self.assertEqual(d.wait(), 0, d.stderr)
        finally:
            d.kill()


if __name__ == "__main__":
    unittest.main()
