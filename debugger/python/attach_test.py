"""Drives //runtime under --debug-brk with the Python client, //debugger/python:attach.

Each test starts the runtime on one of the debugger's test scripts with `--debug-brk=0` (the
agent picks a free port and prints it on stderr), runs the client against that port as a user
would, and checks what the client printed and that the program then ran to completion with its
own output.
"""

import os
import re
import socket
import subprocess
import threading
import unittest

RUNTIME = "runtime/runtime"
ATTACH = "debugger/python/attach"
TESTDATA = "debugger/testdata"
# Only against a hang; nothing here depends on how long anything takes.
HANG_LIMIT = 120


class Debuggee:
    """The runtime running `script` under --debug-brk=0, its output on pipes."""

    def __init__(self, script):
        self.process = subprocess.Popen(
            [RUNTIME, "--debug-brk=0", os.path.join(TESTDATA, script)],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.stderr_lines = []
        self.port = None
        for line in self.process.stderr:
            line = line.decode("utf-8", "replace")
            self.stderr_lines.append(line)
            found = re.match(r"debugger listening on port (\d+)$", line.strip())
            if found:
                self.port = int(found.group(1))
                break
        # The rest of stderr is drained meanwhile, so the program never blocks writing to it.
        self._drain = threading.Thread(target=self._read_stderr)
        self._drain.start()

    def _read_stderr(self):
        for line in self.process.stderr:
            self.stderr_lines.append(line.decode("utf-8", "replace"))

    def finish(self):
        """The program's stdout and exit status, once it has ended."""
        stdout = self.process.stdout.read().decode("utf-8", "replace")
        status = self.process.wait(timeout=HANG_LIMIT)
        self._drain.join()
        return stdout, status

    def kill(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self._drain.join()
        self.process.stdout.close()
        self.process.stderr.close()


def attach(*args):
    """Runs the client; returns (stdout, stderr, exit status)."""
    result = subprocess.run([ATTACH] + list(args), stdin=subprocess.DEVNULL,
                            capture_output=True, timeout=HANG_LIMIT)
    return (result.stdout.decode("utf-8", "replace"), result.stderr.decode("utf-8", "replace"),
            result.returncode)


class AttachTest(unittest.TestCase):

    def start(self, script):
        debuggee = Debuggee(script)
        self.addCleanup(debuggee.kill)
        self.assertIsNotNone(debuggee.port, "no port announced: %r" % debuggee.stderr_lines)
        return debuggee

    def assertRanToCompletion(self, debuggee, expected_stdout):
        stdout, status = debuggee.finish()
        self.assertEqual(stdout, expected_stdout)
        self.assertEqual(status, 0, "".join(debuggee.stderr_lines))

    def test_breakpoint_backtrace_and_values(self):
        debuggee = self.start("adder.js")
        out, err, status = attach(
            "127.0.0.1:%d" % debuggee.port, "--break", "adder.js:4", "--condition", "b === 2",
            "--print", "sum", "--print", "[a, b]", "--print", "a + missing")
        self.assertEqual(status, 0, err)
        self.assertEqual(err, "")
        lines = out.splitlines()
        self.assertRegex(lines[0], r"^connected to 127\.0\.0\.1:%d \(Nodus v0\.6\.3, V8 \d+\."
                         % debuggee.port)
        self.assertRegex(lines[1], r"^breakpoint set at adder\.js:4 \(/\S*/adder\.js:4:\d+\)$")
        self.assertRegex(lines[2], r"^break in /\S*/adder\.js:1 \(start\)$")
        self.assertRegex(lines[3], r"^break in /\S*/adder\.js:4 \(breakpoint\)$")
        self.assertEqual(lines[4], "backtrace:")
        self.assertRegex(lines[5], r"^  #0 add adder\.js:4:\d+$")
        self.assertRegex(lines[6], r"^  #1 adder\.js:7:\d+$")
        # Then the module system's frames, down to the bottom of the stack.
        rest = lines[7:]
        trace_end = next(i for i, line in enumerate(rest) if not line.startswith("  #"))
        self.assertGreater(trace_end, 0)
        after = rest[trace_end:]
        self.assertEqual(after[:3], [
            "sum = 3",
            "[a, b] = [ 1, 2 ]",
            # The exception's text may go on with its stack, on lines of their own.
            "a + missing threw ReferenceError: missing is not defined",
        ])
        self.assertEqual(after[-1], "detached")
        # Detached, the program runs on (the breakpoint gone) and finishes normally.
        self.assertRanToCompletion(debuggee, "total 3\n")

    def test_continues_past_other_stops(self):
        # myscript.js stops at its first line (--debug-brk) and on `debugger;` in a timer
        # callback before it reaches line 4; the client continues both.
        debuggee = self.start("myscript.js")
        out, err, status = attach(str(debuggee.port), "-b", "myscript.js:4", "-p", "x")
        self.assertEqual(status, 0, err)
        lines = out.splitlines()
        self.assertRegex(lines[2], r"^break in /\S*/myscript\.js:1 \(start\)$")
        self.assertRegex(lines[3], r"^break in /\S*/myscript\.js:3 \(\w+\)$")
        self.assertNotIn("(breakpoint)", lines[3])
        self.assertRegex(lines[4], r"^break in /\S*/myscript\.js:4 \(breakpoint\)$")
        self.assertRegex(lines[6], r"^  #0 myscript\.js:4:\d+$")
        self.assertEqual(lines[-2:], ["x = 5", "detached"])
        self.assertRanToCompletion(debuggee, "hello\nworld\n")

    def test_function_breakpoint(self):
        debuggee = self.start("adder.js")
        out, err, status = attach(str(debuggee.port), "--break", "add()", "--print", "a + b")
        self.assertEqual(status, 0, err)
        lines = out.splitlines()
        self.assertEqual(lines[1], "breakpoint set at add()")
        self.assertRegex(lines[3], r"^break in /\S*/adder\.js:3 \(breakpoint\)$")
        self.assertRegex(lines[5], r"^  #0 add adder\.js:3:\d+$")
        self.assertEqual(lines[-2:], ["a + b = 0", "detached"])
        self.assertRanToCompletion(debuggee, "total 3\n")

    def test_refused_breakpoint(self):
        debuggee = self.start("adder.js")
        out, err, status = attach(str(debuggee.port), "--break", "nope()")
        self.assertEqual(status, 1)
        self.assertEqual(err, "attach: cannot set a breakpoint at nope(): "
                              "'nope' is not a function in scope\n")
        self.assertNotIn("detached", out)
        # Leaving on an error detaches as well: the program is not left stopped.
        self.assertRanToCompletion(debuggee, "total 3\n")

    def test_program_ends_before_the_breakpoint(self):
        debuggee = self.start("adder.js")
        out, err, status = attach(str(debuggee.port), "--break", "elsewhere.js:1")
        self.assertEqual(status, 1)
        self.assertIn("breakpoint", out)
        self.assertIn("(no location yet)", out)
        self.assertEqual(err, "attach: the program ended (the agent closed the connection) "
                              "before the session was over\n")
        self.assertRanToCompletion(debuggee, "total 3\n")

    def test_nothing_listening(self):
        # A port bound but not listening refuses connections, and nobody else can take it
        # while the test holds it.
        holder = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.addCleanup(holder.close)
        holder.bind(("127.0.0.1", 0))
        port = holder.getsockname()[1]
        out, err, status = attach("127.0.0.1:%d" % port, "--break", "adder.js:4")
        self.assertEqual(status, 1)
        self.assertEqual(out, "")
        self.assertEqual(err, "attach: cannot connect to 127.0.0.1:%d: Connection refused (is "
                              "the program running with --debug or --debug-brk on that port?)\n"
                         % port)

    def test_bad_arguments(self):
        for args in (["--break", "adder.js"], ["--break", "adder.js:0"], ["x:y", "-b", "a.js:1"],
                     []):
            out, err, status = attach(*args)
            self.assertEqual(status, 2, args)
            self.assertIn("usage: attach", err)
            self.assertNotIn("Traceback", err)


if __name__ == "__main__":
    unittest.main()
