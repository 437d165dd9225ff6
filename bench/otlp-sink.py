#!/usr/bin/env python3
"""A throwaway OTLP/HTTP trace receiver for the bench: answers every POST to /v1/traces with 200 and counts the spans
in it (ExportTraceServiceRequest: resource_spans=1 > scope_spans=2 > spans=2, protobuf, uncompressed), without
decoding them. On SIGTERM it writes "exports=N spans=M bytes=B" to the file given and stops.

Usage: otlp-sink.py PORT SUMMARY_FILE
"""
import signal
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

totals = {"exports": 0, "spans": 0, "bytes": 0}
lock = threading.Lock()


def varint(buf, i):
    shift = value = 0
    while True:
        b = buf[i]
        i += 1
        value |= (b & 0x7F) << shift
        if b < 0x80:
            return value, i
        shift += 7


def fields(buf, start=0, end=None):
    """Yields (field number, wire type, value or (start, end) of a length-delimited field)."""
    i, end = start, len(buf) if end is None else end
    while i < end:
        key, i = varint(buf, i)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, i = varint(buf, i)
        elif wire == 1:
            value, i = None, i + 8
        elif wire == 2:
            length, i = varint(buf, i)
            value, i = (i, i + length), i + length
        elif wire == 5:
            value, i = None, i + 4
        else:
            raise ValueError("unsupported wire type %d" % wire)
        yield number, wire, value


def count_spans(body):
    spans = 0
    for n, w, rs in fields(body):
        if n == 1 and w == 2:
            for n2, w2, ss in fields(body, *rs):
                if n2 == 2 and w2 == 2:
                    spans += sum(1 for n3, w3, _ in fields(body, *ss) if n3 == 2 and w3 == 2)
    return spans


class Sink(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        ok = self.path == "/v1/traces"
        if ok:
            spans = count_spans(body)
            with lock:
                totals["exports"] += 1
                totals["bytes"] += len(body)
                totals["spans"] += spans
        self.send_response(200 if ok else 404)
        self.send_header("Content-Type", "application/x-protobuf")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def main():
    port, summary = int(sys.argv[1]), sys.argv[2]
    server = ThreadingHTTPServer(("127.0.0.1", port), Sink)

    def stop(*_):
        with open(summary, "w") as f:
            f.write("exports=%(exports)d spans=%(spans)d bytes=%(bytes)d\n" % totals)
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    server.serve_forever()


if __name__ == "__main__":
    main()
