#!/usr/bin/env python3
"""Compares a program's output (stdin) with a golden .out file where [WILDCARD] matches anything.

usage: match_golden.py <golden.out> <exit-status>
The golden file may start with a line `# exit: N` giving the expected exit status (default 0).
"""
import re
import sys


def main():
    golden_path, status = sys.argv[1], int(sys.argv[2])
    with open(golden_path, encoding="utf-8") as f:
        golden = f.read()
    expected_status = 0
    lines = golden.split("\n")
    if lines and lines[0].startswith("# exit: "):
        expected_status = int(lines[0][len("# exit: "):])
        golden = "\n".join(lines[1:])
    actual = sys.stdin.read()
    pattern = ".*?".join(re.escape(part) for part in golden.rstrip("\n").split("[WILDCARD]"))
    ok = True
    if not re.fullmatch(pattern, actual.rstrip("\n"), re.S):
        print("output mismatch\n--- expected ---\n%s\n--- actual ---\n%s" % (golden, actual))
        ok = False
    if status != expected_status:
        print("exit status %d, expected %d" % (status, expected_status))
        ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
