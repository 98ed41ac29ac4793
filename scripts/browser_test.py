#!/usr/bin/env python3
"""End-to-end test of the real site in a real browser.

Serves the site with `evident serve` on a free loopback port, opens the essay in headless Chromium through the
DevTools protocol at phone and desktop widths, light and dark, and asserts from the live DOM that the evidence
tables and SVG charts are there and that nothing overflows the page sideways. Screenshots are kept in
`artifacts/browser/`.

usage: scripts/browser_test.py EVIDENT_BINARY SITE_DIR PAGE_PATH
Exits 0 with a clear "skipped" line when no Chromium is installed; 1 on a failed assertion.
"""
import base64
import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.request

VIEWS = [  # name, width, height, mobile, dark
    ("phone", 390, 844, True, False),
    ("phone-dark", 390, 844, True, True),
    ("desktop", 1280, 900, False, False),
    ("desktop-dark", 1280, 900, False, True),
]

# Evaluated in the page: what a reader sees, from the DOM after load.
PROBE = """JSON.stringify({
  evidence: document.querySelectorAll('section.evidence').length,
  tables: document.querySelectorAll('section.evidence table').length,
  charts: document.querySelectorAll('section.evidence svg').length,
  pageWidth: document.documentElement.scrollWidth,
  viewport: window.innerWidth,
  overflowing: [...document.querySelectorAll('body *')]
    .filter(e => !e.closest('.table-wrap, pre, .chart, svg'))
    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
    .map(e => e.tagName.toLowerCase() + (e.className && e.className.baseVal === undefined ? '.' + e.className : ''))
    .slice(0, 5),
  scheme: matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light',
})"""


class DevTools:
    """A minimal WebSocket client for one DevTools target (stdlib only)."""

    def __init__(self, url):
        host_port, path = url[len("ws://"):].split("/", 1)
        host, port = host_port.split(":")
        self.sock = socket.create_connection((host, int(port)), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall(
            (f"GET /{path} HTTP/1.1\r\nHost: {host_port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
             f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        response = b""
        while b"\r\n\r\n" not in response:
            response += self.sock.recv(4096)
        if b" 101 " not in response.split(b"\r\n", 1)[0]:
            raise RuntimeError(f"DevTools refused the connection: {response[:80]!r}")
        self.buffer = response.split(b"\r\n\r\n", 1)[1]
        self.next_id = 0

    def _read(self, count):
        while len(self.buffer) < count:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise RuntimeError("DevTools closed the connection")
            self.buffer += chunk
        data, self.buffer = self.buffer[:count], self.buffer[count:]
        return data

    def _message(self):
        payload = b""
        while True:
            first, second = self._read(2)
            length = second & 0x7F
            if length == 126:
                length = struct.unpack(">H", self._read(2))[0]
            elif length == 127:
                length = struct.unpack(">Q", self._read(8))[0]
            payload += self._read(length)
            if first & 0x80:
                return json.loads(payload)

    def call(self, method, **params):
        self.next_id += 1
        data = json.dumps({"id": self.next_id, "method": method, "params": params}).encode()
        mask = os.urandom(4)
        header = bytes([0x81])
        if len(data) < 126:
            header += bytes([0x80 | len(data)])
        else:
            header += bytes([0x80 | 126]) + struct.pack(">H", len(data))
        self.sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))
        while True:
            message = self._message()
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def wait_for(self, event, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._message().get("method") == event:
                return
        raise RuntimeError(f"no {event} within {timeout} s")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_http(url, process, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with status {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


def main():
    evident, site, page = sys.argv[1:4]
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not browser:
        print("browser test: skipped — no Chromium on this machine (`make test` installs it unless BROWSER_TEST=0)")
        return 0
    artifacts = os.path.join("artifacts", "browser")
    os.makedirs(artifacts, exist_ok=True)
    port = free_port()
    server = subprocess.Popen([evident, "serve", "--site", site, "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    profile = tempfile.mkdtemp(prefix="evident-browser-")
    chrome = None
    failures = []
    try:
        url = f"http://127.0.0.1:{port}/{page}"
        wait_http(url, server)
        chrome = subprocess.Popen(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
             f"--user-data-dir={profile}", "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1",
             "about:blank"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        socket_url = None
        for line in chrome.stderr:
            if "DevTools listening on " in line:
                socket_url = line.strip().split("DevTools listening on ", 1)[1]
                break
        if not socket_url:
            raise RuntimeError("Chromium did not open its DevTools port")
        devtools_port = socket_url.split(":")[2].split("/")[0]
        request = urllib.request.Request(f"http://127.0.0.1:{devtools_port}/json/new?about:blank", method="PUT")
        with urllib.request.urlopen(request, timeout=10) as response:
            target = json.load(response)
        tab = DevTools(target["webSocketDebuggerUrl"])
        tab.call("Page.enable")
        for name, width, height, mobile, dark in VIEWS:
            tab.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1,
                     mobile=mobile)
            tab.call("Emulation.setEmulatedMedia", media="screen",
                     features=[{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}])
            tab.call("Page.navigate", url=url)
            tab.wait_for("Page.loadEventFired")
            seen = json.loads(tab.call("Runtime.evaluate", expression=PROBE, returnByValue=True)["result"]["value"])
            shot = tab.call("Page.captureScreenshot", format="png", captureBeyondViewport=False)
            path = os.path.join(artifacts, f"{name}.png")
            with open(path, "wb") as handle:
                handle.write(base64.b64decode(shot["data"]))
            tab.call("Runtime.evaluate", expression="document.querySelector('section.evidence').scrollIntoView()")
            shot = tab.call("Page.captureScreenshot", format="png", captureBeyondViewport=False)
            with open(os.path.join(artifacts, f"{name}-evidence.png"), "wb") as handle:
                handle.write(base64.b64decode(shot["data"]))
            print(f"browser test: {name} {width}px {seen['scheme']}: {seen['evidence']} evidence blocks, "
                  f"{seen['tables']} tables, {seen['charts']} charts, page {seen['pageWidth']}px wide → {path}")
            if seen["evidence"] == 0 or seen["tables"] == 0 or seen["charts"] == 0:
                failures.append(f"{name}: evidence tables or charts are missing")
            if seen["pageWidth"] > seen["viewport"] or seen["overflowing"]:
                failures.append(f"{name}: the page overflows sideways ({seen['overflowing']})")
            if seen["scheme"] != ("dark" if dark else "light"):
                failures.append(f"{name}: the colour scheme was not applied")
    finally:
        if chrome:
            chrome.terminate()
            chrome.wait(timeout=10)
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(profile, ignore_errors=True)
    for failure in failures:
        print(f"browser test: FAILED {failure}")
    print(f"browser: {len(VIEWS) - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
