#!/usr/bin/env python3
"""slow_clients.py — clients that hold connections to `jrnc serve` and never read: event
streams left unread, requests whose headers never end, pages never taken. Runs until
killed; prints "ready" once every connection is open.

    python3 tests/serve/slow_clients.py URL COUNT
"""
import socket
import sys
import time
from urllib.parse import urlsplit

url, count = urlsplit(sys.argv[1]), int(sys.argv[2])
held = []
for i in range(count):
    connection = socket.create_connection((url.hostname, url.port))
    connection.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    host = f"Host: {url.hostname}:{url.port}\r\n"
    if i % 3 == 0:
        connection.sendall(f"GET /events?since=0 HTTP/1.1\r\n{host}\r\n".encode())
    elif i % 3 == 1:
        connection.sendall(f"GET / HTTP/1.1\r\n{host}".encode())   # the headers never end
    else:
        connection.sendall(f"GET /?view=spine HTTP/1.1\r\n{host}\r\n".encode())   # never read
    held.append(connection)
print("ready", flush=True)
while True:
    time.sleep(60)
