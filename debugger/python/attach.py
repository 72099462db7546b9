"""attach: a Python client of the Nodus debugger, the protocol's second implementation.

    bazel run //debugger/python:attach -- [[host:]port] --break script.js:line \
        [--condition expr] [--print expr]...

Attaches to a program started with `runtime --debug[=port]` or `--debug-brk[=port]` (port 5858
unless given), sets one breakpoint (`script.js:line`, or `fn()` for a function in scope where the
program stands), continues until the program stops there (continuing past any other stop: the
first line under --debug-brk, a `debugger;` statement), prints the backtrace and the value of
each --print expression in the innermost frame, and detaches; the program then runs on as if it
had never been debugged.

Exit status: 0 when it all happened; 1 when the agent cannot be reached, refuses the
breakpoint, or the program ends first (a message on stderr says which); 2 for bad arguments.
"""

import argparse
import sys

from debugger.python import interpreter

interpreter.require_protobuf("attach")

from debugger.python import debugger_pb2 as pb  # noqa: E402
from debugger.python import protocol  # noqa: E402


class Failure(Exception):
    """Ends the session with a message on stderr and exit status 1."""


def basename(url):
    return url.rsplit("/", 1)[-1]


def parse_address(text):
    """`port`, `host:port` or `host` (port 5858), as //debugger:attach reads it."""
    host, port = "127.0.0.1", "5858"
    if ":" in text:
        host, port = text.rsplit(":", 1)
    elif text.isdigit():
        port = text
    else:
        host = text
    if not port.isdigit() or not 0 < int(port) < 65536:
        raise argparse.ArgumentTypeError("not a port: %r" % port)
    return host or "127.0.0.1", int(port)


def parse_breakpoint(text):
    """`script.js:line` or `fn()`, as a SetBreakpoint request."""
    request = pb.SetBreakpoint()
    if text.endswith("()") and len(text) > 2:
        request.function = text
        return request
    script, _, line = text.rpartition(":")
    if not script or not line.isdigit() or int(line) < 1:
        raise argparse.ArgumentTypeError(
            "%r is neither script.js:line (line 1 or more) nor fn()" % text)
    request.script_line.script = script
    request.script_line.line = int(line)
    return request


def describe_target(target):
    if target.WhichOneof("target") == "function":
        return target.function
    return "%s:%d" % (target.script_line.script, target.script_line.line)


def where(frame):
    location = frame.location
    return "%s:%d" % (location.url or "<unknown>", location.line)


def checked(response, what):
    if not response.success:
        raise Failure("%s: %s" % (what, response.error or "failed"))
    return response


def run(args, out):
    host, port = args.address
    try:
        connection = protocol.Connection(host, port)
    except OSError as error:
        raise Failure("cannot connect to %s:%d: %s (is the program running with --debug or "
                      "--debug-brk on that port?)" % (host, port, error.strerror or error))
    with connection:
        try:
            session(connection, args, out)
        except protocol.Closed:
            raise Failure("the program ended (the agent closed the connection) before the "
                          "session was over")
        except protocol.ProtocolError as error:
            raise Failure(str(error))
        except OSError as error:
            raise Failure("connection to %s:%d lost: %s" % (host, port, error.strerror or error))
    print("detached", file=out)


def session(connection, args, out):
    request = pb.Request()
    request.version.SetInParent()
    version = checked(connection.call(request), "version").version
    print("connected to %s:%d (Nodus %s, V8 %s)" % (args.address + (version.node, version.v8)),
          file=out)

    request = pb.Request()
    request.set_breakpoint.CopyFrom(args.target)
    if args.condition:
        request.set_breakpoint.condition = args.condition
    label = describe_target(args.target)
    breakpoint = checked(connection.call(request),
                         "cannot set a breakpoint at %s" % label).breakpoint_set
    if breakpoint.locations:
        note = " (%s)" % ", ".join("%s:%d:%d" % (place.url, place.line, place.column)
                                   for place in breakpoint.locations)
    elif args.target.WhichOneof("target") == "script_line":
        note = " (no location yet)"  # no loaded script matches yet, or V8 resolves it later
    else:
        note = ""  # a function breakpoint has no locations
    print("breakpoint set at %s%s" % (label, note), file=out)

    # Under --debug-brk the program is already stopped on its first line (the Break came while
    # the requests above were answered); under --debug it runs, and the breakpoint stops it
    # whenever it gets there. Any stop that is not this breakpoint is continued.
    event = connection.pending_event()
    while True:
        if event is None:
            event = connection.next_event()
        if event.WhichOneof("event") == "break_event":
            stop = event.break_event
            place = where(stop.frames[0]) if stop.frames else "<unknown>"
            print("break in %s (%s)" % (place, stop.reason or "other"), file=out)
            if breakpoint.breakpoint_id in stop.hit_breakpoints:
                break
            request = pb.Request()
            request.cont.SetInParent()
            checked(connection.call(request), "continue")
        event = None

    request = pb.Request()
    request.backtrace.SetInParent()
    frames = checked(connection.call(request), "backtrace").backtrace.frames
    print("backtrace:", file=out)
    for frame in frames:
        print("  #%d %s%s:%d:%d" % (
            frame.index, frame.function_name + " " if frame.function_name else "",
            basename(frame.location.url), frame.location.line, frame.location.column), file=out)

    for expression in args.print:
        request = pb.Request()
        request.evaluate.expression = expression
        request.evaluate.frame = 0
        value = checked(connection.call(request), "cannot evaluate %r" % expression).value
        if value.thrown:
            print("%s threw %s" % (expression, value.text), file=out)
        else:
            print("%s = %s" % (expression, value.text), file=out)


def main(argv=None, out=sys.stdout):
    parser = argparse.ArgumentParser(
        prog="attach",
        description="Attach to a Nodus program running with --debug or --debug-brk, stop it "
                    "at a breakpoint, print the backtrace and values, and detach.")
    parser.add_argument("address", nargs="?", type=parse_address, default=("127.0.0.1", 5858),
                        metavar="[host:]port", help="where the agent listens (127.0.0.1:5858)")
    parser.add_argument("--break", "-b", dest="target", type=parse_breakpoint, required=True,
                        metavar="WHERE",
                        help="the breakpoint: script.js:line (the script's path or any suffix "
                             "after a '/', and a 1-based line) or fn() (a function in scope)")
    parser.add_argument("--condition", "-c", default="",
                        help="stop only when this JS expression is truthy there")
    parser.add_argument("--print", "-p", action="append", default=[], metavar="EXPR",
                        help="evaluate EXPR in the innermost frame and print it (repeatable)")
    args = parser.parse_args(argv)
    try:
        run(args, out)
    except Failure as failure:
        out.flush()
        print("attach: %s" % failure, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
