"""A connection to the Nodus debugger agent, speaking debugger/proto/debugger.proto.

The agent (debugger/agent, started by `runtime --debug[=port]` or `--debug-brk[=port]`) listens
on 127.0.0.1. Each message on the TCP stream is a 4-byte big-endian byte count followed by that
many bytes of one serialized protobuf message: the client writes `Request`s, the agent writes
`AgentMessage`s, each either the `Response` to a request (carrying the request's `seq`) or an
`Event` nobody asked for (a `Break` when the program stops). debugger/README.md describes the
whole protocol; this module is all a Python program needs to speak it.

`debugger_pb2` is generated from debugger.proto by protoc at build time (BUILD.bazel).
"""

import collections
import socket
import struct

from debugger.python import debugger_pb2 as pb

# The agent refuses frames over 64 MiB (debugger/proto/framing.h); a bigger length prefix from
# the agent means the stream is not the protocol.
MAX_FRAME_SIZE = 64 * 1024 * 1024

_LENGTH = struct.Struct(">I")


class ProtocolError(Exception):
    """The agent sent something that is not the protocol, or closed the connection."""


class Closed(ProtocolError):
    """The agent closed the connection (the program ended, or another client was attached)."""


def encode_frame(message):
    """A serialized message with its length prefix, ready to write."""
    body = message.SerializeToString()
    return _LENGTH.pack(len(body)) + body


class FrameReader:
    """Reassembles frames from whatever pieces the socket delivers."""

    def __init__(self):
        self._buffer = bytearray()

    def append(self, data):
        self._buffer += data

    def next(self):
        """The next complete frame's payload, or None if more bytes are needed."""
        if len(self._buffer) < 4:
            return None
        (size,) = _LENGTH.unpack_from(self._buffer)
        if size > MAX_FRAME_SIZE:
            raise ProtocolError("frame of %d bytes announced (over the 64 MiB limit)" % size)
        if len(self._buffer) - 4 < size:
            return None
        payload = bytes(self._buffer[4:4 + size])
        del self._buffer[:4 + size]
        return payload


class Connection:
    """One client connection to the agent; close() detaches.

    Requests are answered in order, but a `Break` event may come between any two messages, so
    call() sets events aside in a queue that next_event() drains first.
    """

    def __init__(self, host="127.0.0.1", port=5858, timeout=None):
        self._socket = socket.create_connection((host, port), timeout=timeout)
        self._socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._reader = FrameReader()
        self._events = collections.deque()
        self._seq = 0

    def close(self):
        """Detaches: the agent drops this client's breakpoints and the program runs on."""
        self._socket.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    def send(self, request):
        """Writes `request` with the next seq (starting at 1) and returns that seq."""
        self._seq += 1
        request.seq = self._seq
        self._socket.sendall(encode_frame(request))
        return self._seq

    def read(self):
        """The next AgentMessage from the wire; raises Closed when the agent hangs up."""
        while True:
            payload = self._reader.next()
            if payload is not None:
                message = pb.AgentMessage()
                try:
                    message.ParseFromString(payload)
                except Exception as error:  # protobuf's DecodeError, whichever implementation
                    raise ProtocolError("unreadable message from the agent: %s" % error)
                return message
            try:
                data = self._socket.recv(65536)
            except ConnectionResetError:
                data = b""
            if not data:
                raise Closed("the agent closed the connection")
            self._reader.append(data)

    def call(self, request):
        """Sends `request` and returns its Response (successful or not)."""
        seq = self.send(request)
        while True:
            message = self.read()
            kind = message.WhichOneof("message")
            if kind == "event":
                self._events.append(message.event)
            elif kind == "response" and message.response.request_seq == seq:
                return message.response
            # A response to another seq cannot happen with one request in flight; an empty
            # AgentMessage (a newer agent's kind of message) is skipped, as proto3 intends.

    def next_event(self):
        """The next Event: one set aside by call(), or the next from the wire."""
        if self._events:
            return self._events.popleft()
        while True:
            message = self.read()
            if message.WhichOneof("message") == "event":
                return message.event

    def pending_event(self):
        """An Event already set aside by call(), without waiting for the wire; else None."""
        return self._events.popleft() if self._events else None
