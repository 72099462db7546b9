"""Tests protocol.py without a runtime: the framing (with the example bytes debugger/README.md
shows) and Connection's handling of events and hang-ups, against a fake agent on a socket."""

from debugger.python import interpreter

interpreter.require_protobuf("protocol_test")

import socket  # noqa: E402
import threading  # noqa: E402
import unittest  # noqa: E402

from debugger.python import debugger_pb2 as pb  # noqa: E402
from debugger.python import protocol  # noqa: E402

def version_request(seq):
    request = pb.Request(seq=seq)
    request.version.SetInParent()
    return request


def spaced_hex(data):
    return " ".join("%02x" % b for b in data)


class FramingTest(unittest.TestCase):

    def test_readme_examples(self):
        # debugger/README.md ("Framing") gives these bytes for a new client's encoder to match.
        breakpoint = pb.Request(seq=2)
        breakpoint.set_breakpoint.script_line.script = "adder.js"
        breakpoint.set_breakpoint.script_line.line = 4
        for request, expected in [
                (version_request(1), "00 00 00 04 08 01 5a 00"),
                (breakpoint, "00 00 00 12 08 02 2a 0e 0a 0c 0a 08 61 64 64 65 72 2e 6a 73 10 04")]:
            self.assertEqual(spaced_hex(protocol.encode_frame(request)), expected)

    def test_frames_split_anywhere(self):
        messages = [version_request(1), pb.Request(), version_request(70000)]
        stream = b"".join(protocol.encode_frame(m) for m in messages)
        reader = protocol.FrameReader()
        payloads = []
        for i in range(len(stream)):
            reader.append(stream[i:i + 1])
            payload = reader.next()
            if payload is not None:
                payloads.append(payload)
        self.assertIsNone(reader.next())
        self.assertEqual(payloads, [m.SerializeToString() for m in messages])
        self.assertEqual(payloads[1], b"")  # an empty message is a frame of length 0

    def test_several_frames_in_one_piece(self):
        reader = protocol.FrameReader()
        reader.append(protocol.encode_frame(version_request(1)) * 3)
        self.assertEqual([reader.next() for _ in range(4)],
                         [version_request(1).SerializeToString()] * 3 + [None])

    def test_length_limit(self):
        reader = protocol.FrameReader()
        reader.append((64 * 1024 * 1024).to_bytes(4, "big"))
        self.assertIsNone(reader.next())  # at the limit: waits for the bytes
        reader = protocol.FrameReader()
        reader.append((64 * 1024 * 1024 + 1).to_bytes(4, "big"))
        with self.assertRaises(protocol.ProtocolError):
            reader.next()


class FakeAgent:
    """Accepts one connection and runs `script(connection)` on it in a thread."""

    def __init__(self, script):
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(1)
        self.port = self.listener.getsockname()[1]
        self.requests = []
        self._thread = threading.Thread(target=self._serve, args=(script,))
        self._thread.start()

    def _serve(self, script):
        connection, _ = self.listener.accept()
        with connection:
            self._reader = protocol.FrameReader()
            self._connection = connection
            script(self)

    def read_request(self):
        while True:
            payload = self._reader.next()
            if payload is not None:
                request = pb.Request()
                request.ParseFromString(payload)
                self.requests.append(request)
                return request
            data = self._connection.recv(65536)
            if not data:
                return None
            self._reader.append(data)

    def send(self, message, raw=None):
        self._connection.sendall(raw if raw is not None else protocol.encode_frame(message))

    def join(self):
        self._thread.join()
        self.listener.close()


def break_message(reason):
    message = pb.AgentMessage()
    message.event.break_event.reason = reason
    return message


def response_to(request):
    message = pb.AgentMessage()
    message.response.request_seq = request.seq
    message.response.success = True
    message.response.version.node = "v0.6.3"
    return message


class ConnectionTest(unittest.TestCase):

    def test_events_met_on_the_way_are_set_aside(self):
        def script(agent):
            request = agent.read_request()
            agent.send(break_message("start"))
            agent.send(pb.AgentMessage())  # a kind of message this client does not know
            agent.send(response_to(request))
            agent.send(break_message("other"))
            agent.read_request()  # end-of-file: the client detached

        agent = FakeAgent(script)
        with protocol.Connection("127.0.0.1", agent.port) as connection:
            response = connection.call(version_request(0))
            self.assertEqual(response.request_seq, 1)
            self.assertEqual(response.version.node, "v0.6.3")
            self.assertEqual(connection.pending_event().break_event.reason, "start")
            self.assertIsNone(connection.pending_event())
            self.assertEqual(connection.next_event().break_event.reason, "other")
        agent.join()
        self.assertEqual([r.seq for r in agent.requests], [1])

    def test_seq_counts_from_one(self):
        def script(agent):
            while True:
                request = agent.read_request()
                if request is None:
                    return
                agent.send(response_to(request))

        agent = FakeAgent(script)
        with protocol.Connection("127.0.0.1", agent.port) as connection:
            seqs = [connection.call(version_request(0)).request_seq for _ in range(3)]
        agent.join()
        self.assertEqual(seqs, [1, 2, 3])
        self.assertEqual([r.seq for r in agent.requests], [1, 2, 3])

    def test_hang_up_mid_frame(self):
        def script(agent):
            agent.read_request()
            agent.send(None, raw=protocol.encode_frame(break_message("other"))[:5])

        agent = FakeAgent(script)
        with protocol.Connection("127.0.0.1", agent.port) as connection:
            with self.assertRaises(protocol.Closed):
                connection.call(version_request(0))
        agent.join()

    def test_oversized_frame(self):
        def script(agent):
            agent.read_request()
            agent.send(None, raw=b"\xff\xff\xff\xff")
            agent.read_request()

        agent = FakeAgent(script)
        with protocol.Connection("127.0.0.1", agent.port) as connection:
            with self.assertRaises(protocol.ProtocolError):
                connection.call(version_request(0))
        agent.join()

    def test_garbage_message(self):
        def script(agent):
            agent.read_request()
            agent.send(None, raw=b"\x00\x00\x00\x02\xff\xff")
            agent.read_request()

        agent = FakeAgent(script)
        with protocol.Connection("127.0.0.1", agent.port) as connection:
            with self.assertRaisesRegex(protocol.ProtocolError, "unreadable message"):
                connection.call(version_request(0))
        agent.join()


if __name__ == "__main__":
    unittest.main()
