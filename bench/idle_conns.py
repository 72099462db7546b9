#!/usr/bin/env python3
"""Idle connections up to the descriptor limit (bench/idle_conns.sh runs this).

For each server (name=command, the port appended as the last argument) in turn: start it with
its soft descriptor limit raised to the hard one, read its VmRSS once it listens, open CONNS
connections from CLIENTS client processes (each on its own loopback source address 127.0.0.x,
since the hard limit is 20,000 descriptors per process), wait until the server holds them all,
wait SETTLE seconds (default 3), read VmRSS again, then send one request on a randomly chosen
connection and check the answer.
Prints one JSON line per server: rss_before_kb, rss_after_kb, bytes_per_conn, probe.

usage: idle_conns.py <kind: echo|http> <conns> <clients> name=command...
       idle_conns.py --client <kind> <source-ip> <port>   (one client process, driven by stdin)
"""
import json
import os
import random
import resource
import select
import socket
import subprocess
import sys
import time

ECHO_PROBE = b"ping from a random idle connection\n"
HTTP_PROBE = b"GET /probe HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"


def client(kind, source, port):
    """Reads commands from stdin: 'open N' opens N more connections and says 'opened TOTAL
    FAILED'; 'probe I' sends a request on connection I and says 'answer ...'."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    socks = []
    failed = 0
    for line in sys.stdin:
        words = line.split()
        if len(words) == 2 and words[0] == "open":
            pending = {}
            poller = select.poll()
            for _ in range(int(words[1])):
                s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
                s.bind((source, 0))
                s.setblocking(False)
                s.connect_ex(("127.0.0.1", port))
                pending[s.fileno()] = s
                poller.register(s.fileno(), select.POLLOUT)
            while pending:
                events = poller.poll(10000)
                if not events:
                    break
                for fd, _ev in events:
                    s = pending.pop(fd)
                    poller.unregister(fd)
                    if s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR) == 0:
                        socks.append(s)
                    else:
                        failed += 1
                        s.close()
            failed += len(pending)
            print("opened %d %d" % (len(socks), failed), flush=True)
            continue
        if len(words) != 2 or words[0] != "probe" or not socks:
            continue
        s = socks[int(words[1]) % len(socks)]
        s.setblocking(True)
        s.settimeout(10)
        try:
            if kind == "echo":
                # The greeting ("Echo server\r\n") is waiting in the socket; the probe comes after.
                s.sendall(ECHO_PROBE)
                want = b"Echo server\r\n" + ECHO_PROBE
            else:
                s.sendall(HTTP_PROBE)
                want = b"Hello World\n"
            got = b""
            while want not in got:
                chunk = s.recv(65536)
                if not chunk:
                    break
                got += chunk
            print("answer %s" % ("ok" if want in got else "wrong: %r" % got[:200]), flush=True)
        except OSError as e:
            print("answer failed: %s" % e, flush=True)


def rss_kb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return None


def sockets_held(pid):
    n = 0
    for fd in os.listdir("/proc/%d/fd" % pid):
        try:
            if os.readlink("/proc/%d/fd/%s" % (pid, fd)).startswith("socket:"):
                n += 1
        except OSError:
            pass
    return n


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def raise_nofile():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def wait_listening(port, deadline):
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return True
        except OSError:
            time.sleep(0.05)
    return False


def measure(kind, conns, nclients, name, command):
    port = free_port()
    pin = ["taskset", "-c", "0"]
    server = subprocess.Popen(pin + command.split() + [str(port)], stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, preexec_fn=raise_nofile)
    result = {"server": name, "conns": conns}
    clients = []
    try:
        if not wait_listening(port, time.time() + 20):
            result["error"] = "server did not listen"
            return result
        time.sleep(1)
        held0 = sockets_held(server.pid)
        before = rss_kb(server.pid)
        per = [conns // nclients + (1 if i < conns % nclients else 0) for i in range(nclients)]
        for i in range(nclients):
            clients.append(subprocess.Popen(
                ["taskset", "-c", "1", sys.executable, __file__, "--client", kind,
                 "127.0.0.%d" % (i + 1), str(port)],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True))
        # In steps of at most STEP connections in all, each step accepted by the server before
        # the next: a connection the kernel completes while the accept queue is full is never
        # seen by the server (the client thinks it is open; nothing is sent on it to retry).
        step = 400
        done = [0] * nclients
        opened = failed = 0
        deadline = time.time() + 300
        while sum(done) < conns and time.time() < deadline:
            counts = [min(per[i] - done[i], max(1, step // nclients)) for i in range(nclients)]
            for c, n in zip(clients, counts):
                c.stdin.write("open %d\n" % n)
                c.stdin.flush()
            opened = failed = 0
            for i, c in enumerate(clients):
                words = c.stdout.readline().split()
                opened += int(words[1])
                failed += int(words[2])
                done[i] += counts[i]
            # The server has accepted them all when it holds that many more sockets.
            step_deadline = time.time() + 20
            while sockets_held(server.pid) - held0 < opened and time.time() < step_deadline:
                time.sleep(0.02)
        result["opened"], result["failed"] = opened, failed
        result["held"] = sockets_held(server.pid) - held0
        # Long enough for an idle runtime's own collection (Nodus: ~1 s without callbacks).
        time.sleep(float(os.environ.get("SETTLE", "3")))
        after = rss_kb(server.pid)
        result["rss_before_kb"], result["rss_after_kb"] = before, after
        result["bytes_per_conn"] = round((after - before) * 1024.0 / max(opened, 1))
        pick = random.randrange(len(clients))
        index = random.randrange(per[pick])
        clients[pick].stdin.write("probe %d\n" % index)
        clients[pick].stdin.flush()
        result["probe"] = "127.0.0.%d #%d: %s" % (pick + 1, index,
                                                   clients[pick].stdout.readline().strip())
        if server.poll() is not None:
            result["error"] = "server exited: %s" % server.stderr.read()[-300:]
        return result
    finally:
        for c in clients:
            try:
                c.stdin.close()
            except OSError:
                pass
            c.wait()
        if server.poll() is None:
            server.terminate()
        server.wait()


def main(argv):
    if argv[1] == "--client":
        client(argv[2], argv[3], int(argv[4]))
        return
    kind, conns, nclients = argv[1], int(argv[2]), int(argv[3])
    for spec in argv[4:]:
        name, command = spec.split("=", 1)
        print(json.dumps(measure(kind, conns, nclients, name, command)), flush=True)


if __name__ == "__main__":
    main(sys.argv)
