#!/usr/bin/env python3
"""A small xAPI statements endpoint on 127.0.0.1 for the error-path tests of sync and pull.

Serves under /lrs/xAPI/ (so `more` links, which are relative to the host, are told apart
from ones relative to the endpoint), keeps statements in memory with the spec's rules
(same id and same content: no-op; same id, other content: 409), and misbehaves as asked:

  fake_lrs.py --mode ok|too-large|unauthorized|forbidden|unavailable|drop [--count N] --log FILE
              [--tls CERT KEY]   (https: the same answers through TLS, with CERT's chain and KEY)

  too-large   413 for any POST of more than N statements
  unauthorized / forbidden   401 / 403 for every request
  unavailable 503 for the first N POSTs (N < 0: always)
  fail-after  the first N POSTs are answered, every later one gets 503 (a sync cut short)
  drop        the N-th POST: read half its body, then close the connection unanswered

Prints "PORT <n>" once listening. Every request is logged to FILE as one JSON line.
Standard library only (Python 3.8+).
"""
import argparse
import json
import ssl
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

PREFIX = "/lrs/xAPI/statements"
statements = {}
order = []
posts = 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--mode", default="ok")
    parser.add_argument("--count", type=int, default=1)
    parser.add_argument("--log", required=True)
    parser.add_argument("--page", type=int, default=7)
    parser.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
    options = parser.parse_args()
    log = open(options.log, "a", buffering=1)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def record(self, status, count=None):
            log.write(json.dumps({
                "method": self.command, "path": self.path, "status": status, "statements": count,
                "version": self.headers.get("X-Experience-API-Version"),
                "authorization": self.headers.get("Authorization"),
            }) + "\n")

        def answer(self, status, body=b"", count=None):
            self.record(status, count)
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def refuse_first(self):
            if options.mode == "unauthorized":
                self.answer(401, b'{"detail":"Invalid authentication credentials"}')
                return True
            if options.mode == "forbidden":
                self.answer(403, b'{"detail":"scope statements/write missing"}')
                return True
            return False

        def do_POST(self):
            global posts
            posts += 1
            length = int(self.headers.get("Content-Length", "0"))
            if options.mode == "drop" and posts == options.count:
                self.rfile.read(length // 2)
                self.record("dropped")
                self.close_connection = True
                self.connection.shutdown(2)
                return
            body = self.rfile.read(length)
            if self.refuse_first():
                return
            if urlparse(self.path).path != PREFIX:
                self.answer(404, b'{"detail":"not found"}')
                return
            try:
                batch = json.loads(body)
            except ValueError:
                self.answer(400, b'{"detail":"not JSON"}')
                return
            if options.mode == "unavailable" and (options.count < 0 or posts <= options.count):
                self.answer(503, b'{"detail":"busy"}', len(batch))
                return
            if options.mode == "fail-after" and posts > options.count:
                self.answer(503, b'{"detail":"gone"}', len(batch))
                return
            if options.mode == "too-large" and len(batch) > options.count:
                self.answer(413, b'{"detail":"request entity too large"}', len(batch))
                return
            for statement in batch:
                known = statements.get(statement["id"])
                if known is not None and known != statement:
                    self.answer(409, json.dumps({"detail": "differing statement " + statement["id"]}).encode(),
                                len(batch))
                    return
            for statement in batch:
                if statement["id"] not in statements:
                    statements[statement["id"]] = statement
                    order.append(statement["id"])
            self.answer(200, json.dumps([s["id"] for s in batch]).encode(), len(batch))

        def do_GET(self):
            if self.refuse_first():
                return
            url = urlparse(self.path)
            if url.path != PREFIX:
                self.answer(404, b'{"detail":"not found"}')
                return
            start = int(parse_qs(url.query).get("from", ["0"])[0])
            page = [statements[i] for i in order[start:start + options.page]]
            more = PREFIX + "?from=%d" % (start + options.page) if start + options.page < len(order) else ""
            self.answer(200, json.dumps({"statements": page, "more": more}).encode(), len(page))

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    if options.tls:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(*options.tls)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    print("PORT %d" % server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
