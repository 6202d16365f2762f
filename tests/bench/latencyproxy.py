#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
# SPDX-License-Identifier: MIT
"""latencyproxy: a TCP proxy that adds network latency and counts round trips.

Benchmark and test tooling; never part of the product. Standard library only.

    latencyproxy.py --target HOST:PORT --rtt-ms N [--listen HOST:PORT] [--ports K]
                    [--report FILE] [--trace]

Listens on K ports (default 1; --listen port 0, the default, picks free ports, otherwise
PORT .. PORT+K-1), each forwarding to the same target, so a client sees K "servers".
The first line on stdout, flushed before any connection is accepted, is

    PORTS p1 p2 ... pK

Latency: every chunk read from one side is written to the other N/2 ms after it was read
(one-way delay; both ways make one round trip time N). Delays do not add up behind each
other: a chunk read at t leaves at t + N/2 whatever else is queued, and order is kept.
An end of stream (FIN) is delayed the same way.

Round trips. Over a network a client's time is the number of times it has to wait for the
server, times the round trip time; bytes hardly matter for small queries. So this counts
waits, not messages: a *flight* is the client bytes it sends before it could have seen
anything new from the server, and a flight that the server answers is one round trip.
A new flight begins with the first client bytes, and with client bytes read after the
proxy has delivered server bytes to the client that the previous flight had not seen
(delivered, not merely read: data the client sends while an answer is still on its way
is part of the same flight, as in pipelining). A flight counts when the proxy then reads
server bytes. Not counted: a flight the server never answers (libpq's Terminate at
PQfinish), server bytes nobody asked for, and answers read after the client ended its
stream: a client that has closed waits for nothing (with TLS, PQfinish's close_notify
alert gets the server's close_notify back after the client has gone).
The proxy never parses the protocol, so the count works through TLS. With TLS and SCRAM,
libpq's connection set-up is: SSLRequest; the TLS 1.3 handshake (one round trip, two when
the server answers with a HelloRetryRequest for another key share, as PostgreSQL 17 does
to OpenSSL 3.5's default); the client's Finished with the StartupMessage; SASL initial
response; SASL response. Five or six round trips. Each query sent and waited for is one
more; a pipeline of queries is one.

Report (--report FILE): one JSON line per connection, appended and flushed when both
directions have ended:
    {"port": P, "conn": SEQ, "round_trips": R, "client_bytes": C, "server_bytes": S,
     "concurrent_at_open": N, "closed": true}
"port" is the listening port the client used; "concurrent_at_open" counts this port's
connections open when this one was accepted, itself included (the peak per port is the
most connections a client held on one "server"). On SIGTERM or SIGINT the proxy appends
the connections still open ("closed": false; their counts are final once the client has
exited, since the client read every answer it waited for) and exits with status 0. So a
test starts the proxy, reads the PORTS line, runs its client to the end, sends SIGTERM,
waits for the proxy to exit and reads the file.
A connection's line is written about one round trip time after its client closed (the
end of stream travels to the server and back). To wait for that without stopping the
proxy, send SIGUSR1: it appends {"marker": K, "open": N, "accepted": M} (K counts the
SIGUSR1s, N the connections not written yet, M all accepted so far); repeat until the
marker you sent says "open": 0. Connection lines are those with "round_trips".
"""

import argparse
import asyncio
import json
import signal
import sys


def host_port(text):
    host, sep, port = text.rpartition(":")
    if not sep or not host or not port.isdigit() or int(port) > 65535:
        raise argparse.ArgumentTypeError(f"'{text}' is not HOST:PORT")
    return host.strip("[]"), int(port)


TRACE = False


def trace(stats, side, n):
    """--trace: one line per chunk read, on stderr, to see what a round trip was."""
    if TRACE:
        now = asyncio.get_running_loop().time()
        print(f"trace {now:.4f} conn {stats.seq} {side} {n} bytes; round trips "
              f"{stats.round_trips}", file=sys.stderr)


class Stats:
    """The counters of one proxied connection."""

    def __init__(self, seq, port, concurrent):
        self.seq, self.port, self.concurrent = seq, port, concurrent
        self.round_trips = self.client_bytes = self.server_bytes = 0
        self.delivered_to_client = 0  # server chunks written to the client so far
        self.flight_saw = None        # delivered_to_client when the current flight began
        self.flight_open = False      # the current flight is not answered yet
        self.client_ended = False     # the client sent its end of stream (FIN)

    def client_data(self, n):
        self.client_bytes += n
        if self.flight_saw != self.delivered_to_client:
            self.flight_saw = self.delivered_to_client
            self.flight_open = True
        trace(self, "client", n)

    def server_data(self, n):
        self.server_bytes += n
        if self.flight_open and not self.client_ended:
            self.round_trips += 1
            self.flight_open = False
        trace(self, "server", n)

    def record(self, closed):
        return {"port": self.port, "conn": self.seq, "round_trips": self.round_trips,
                "client_bytes": self.client_bytes, "server_bytes": self.server_bytes,
                "concurrent_at_open": self.concurrent, "closed": closed}


class DelayedPipe:
    """Writes chunks to a transport `delay` seconds after they were read, in order.

    One timer for the head of the queue instead of one per chunk: asyncio's timers with
    equal deadlines have no guaranteed order, and the queue's deadlines never decrease."""

    def __init__(self, loop, delay, on_written, on_done):
        self.loop, self.delay = loop, delay
        self.on_written, self.on_done = on_written, on_done
        self.transport = None  # set once the far side is connected
        self.queue = []        # (deadline, bytes or None for end of stream)
        self.head = 0
        self.timer = None
        self.done = False

    def push(self, data):
        self.queue.append((self.loop.time() + self.delay, data))
        self.schedule()

    def schedule(self):
        if self.timer is None and self.transport is not None and self.head < len(self.queue):
            self.timer = self.loop.call_at(self.queue[self.head][0], self.flush)

    def flush(self):
        self.timer = None
        now = self.loop.time()
        while self.head < len(self.queue) and self.queue[self.head][0] <= now and not self.done:
            data = self.queue[self.head][1]
            self.queue[self.head] = None
            self.head += 1
            if data is None:
                try:
                    if self.transport.can_write_eof() and not self.transport.is_closing():
                        self.transport.write_eof()
                except OSError:
                    pass  # the far side is gone already (ENOTCONN after its reset): ended too
                self.done = True
                self.on_done()
                return
            if not self.transport.is_closing():
                self.transport.write(data)
                self.on_written()
        if self.head > 1024:
            del self.queue[:self.head]
            self.head = 0
        self.schedule()

    def cancel(self):
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None
        self.done = True


class Proxy:
    def __init__(self, args):
        self.target = args.target
        self.delay = args.rtt_ms / 2000.0
        self.report = open(args.report, "a", encoding="utf-8") if args.report else None
        self.open = {}      # seq -> Connection
        self.per_port = {}  # port -> open connections
        self.seq = 0
        self.markers = 0

    def write(self, stats, closed):
        if self.report:
            self.report.write(json.dumps(stats.record(closed)) + "\n")
            self.report.flush()

    def marker(self):
        """SIGUSR1: a line that says how many connections are still open, numbered, so a
        script can wait until every connection of its client has been written."""
        self.markers += 1
        if self.report:
            self.report.write(json.dumps({"marker": self.markers, "open": len(self.open),
                                          "accepted": self.seq}) + "\n")
            self.report.flush()

    def shutdown(self):
        for conn in self.open.values():
            self.write(conn.stats, False)
        if self.report:
            self.report.close()
            self.report = None  # the aborts below write nothing more
        for conn in list(self.open.values()):
            conn.abort()


class Connection:
    """One client connection and its connection to the target."""

    def __init__(self, proxy, port):
        loop = asyncio.get_running_loop()
        proxy.seq += 1
        proxy.per_port[port] = proxy.per_port.get(port, 0) + 1
        self.proxy, self.port, self.seq = proxy, port, proxy.seq
        self.stats = Stats(self.seq, port, proxy.per_port[port])
        self.client = self.server = None
        self.finished = False
        self.to_server = DelayedPipe(loop, proxy.delay, lambda: None, self.pipe_done)
        self.to_client = DelayedPipe(loop, proxy.delay, self.delivered, self.pipe_done)
        proxy.open[self.seq] = self

    def delivered(self):
        self.stats.delivered_to_client += 1

    def pipe_done(self):
        if self.to_server.done and self.to_client.done:
            self.finish()

    def finish(self):
        if self.finished:
            return
        self.finished = True
        for t in (self.client, self.server):
            if t is not None:
                t.close()
        self.proxy.per_port[self.port] -= 1
        del self.proxy.open[self.seq]
        self.proxy.write(self.stats, True)

    def abort(self):
        """A reset or an error on either side: drop both, count what was seen."""
        self.to_server.cancel()
        self.to_client.cancel()
        for t in (self.client, self.server):
            if t is not None:
                t.abort()
        self.finish()


class ServerSide(asyncio.Protocol):
    def __init__(self, conn):
        self.conn = conn

    def data_received(self, data):
        self.conn.stats.server_data(len(data))
        self.conn.to_client.push(data)

    def eof_received(self):
        self.conn.to_client.push(None)
        return True  # keep writing the client's bytes until its own end of stream

    def connection_lost(self, exc):
        if exc is not None:
            self.conn.abort()


class ClientSide(asyncio.Protocol):
    def __init__(self, proxy, port):
        self.proxy, self.port = proxy, port

    def connection_made(self, transport):
        self.conn = Connection(self.proxy, self.port)
        self.conn.client = transport
        self.conn.to_client.transport = transport
        transport.pause_reading()  # until the target is connected
        self.task = asyncio.get_running_loop().create_task(self.connect(transport))

    async def connect(self, transport):
        host, port = self.proxy.target
        try:
            server, _ = await asyncio.get_running_loop().create_connection(
                lambda: ServerSide(self.conn), host, port)
        except OSError as e:
            print(f"latencyproxy: cannot connect to {host}:{port}: {e}", file=sys.stderr)
            self.conn.abort()
            return
        self.conn.server = server
        self.conn.to_server.transport = server
        self.conn.to_server.schedule()
        if not transport.is_closing():
            transport.resume_reading()

    def data_received(self, data):
        self.conn.stats.client_data(len(data))
        self.conn.to_server.push(data)

    def eof_received(self):
        self.conn.stats.client_ended = True
        self.conn.to_server.push(None)
        return True

    def connection_lost(self, exc):
        if exc is not None:
            self.conn.abort()


async def main(args):
    proxy = Proxy(args)
    loop = asyncio.get_running_loop()
    host, first = args.listen
    servers = []
    for i in range(args.ports):
        port = first + i if first else 0
        holder = {}
        server = await loop.create_server(
            lambda h=holder: ClientSide(proxy, h["port"]), host, port, reuse_address=True)
        holder["port"] = server.sockets[0].getsockname()[1]
        servers.append(server)
    print("PORTS " + " ".join(str(s.sockets[0].getsockname()[1]) for s in servers), flush=True)
    stop = loop.create_future()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, lambda: stop.done() or stop.set_result(None))
    loop.add_signal_handler(signal.SIGUSR1, proxy.marker)
    await stop
    for s in servers:
        s.close()
    proxy.shutdown()


def parse(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--target", type=host_port, required=True, help="HOST:PORT to forward to")
    p.add_argument("--rtt-ms", type=float, required=True, help="round trip time to add, ms")
    p.add_argument("--listen", type=host_port, default=("127.0.0.1", 0),
                   help="HOST:PORT of the first port (default 127.0.0.1:0, free ports)")
    p.add_argument("--ports", type=int, default=1, help="number of listening ports (1)")
    p.add_argument("--report", help="append one JSON line per connection to FILE")
    p.add_argument("--trace", action="store_true", help="one line per chunk read, on stderr")
    args = p.parse_args(argv)
    if args.rtt_ms < 0 or args.ports < 1:
        p.error("--rtt-ms must be 0 or more and --ports 1 or more")
    return args


if __name__ == "__main__":
    arguments = parse(sys.argv[1:])
    TRACE = arguments.trace
    asyncio.run(main(arguments))
