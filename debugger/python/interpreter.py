"""Runs the calling program under the interpreter that has Debian's protobuf module.

Debian's python3-protobuf, which ./bazelw installs, belongs to Debian's /usr/bin/python3. Bazel's
native py_binary and py_test run whichever `python3` comes first on PATH, which may be another
one (a pyenv or virtualenv interpreter) without it. require_protobuf() then starts the program
again under Debian's, with the same arguments and environment (PYTHONPATH, which Bazel's launcher
sets, included). Call it before anything imports google.protobuf.
"""

import os
import sys

SYSTEM_PYTHON = "/usr/bin/python3"


def require_protobuf(program):
    try:
        import google.protobuf  # noqa: F401
        return
    except ImportError:
        pass
    if (os.access(SYSTEM_PYTHON, os.X_OK) and
            os.path.realpath(sys.executable) != os.path.realpath(SYSTEM_PYTHON)):
        sys.stdout.flush()
        sys.stderr.flush()
        os.execv(SYSTEM_PYTHON, [SYSTEM_PYTHON] + sys.argv)
    sys.exit("%s: Python's protobuf module is missing (Debian's python3-protobuf; ./bazelw "
             "installs it)" % program)
