"""Real-browser harness shared by tests/e2e and scripts/: server, offline Chromium, rerun waits, checks.

Imported as `from labtools import harness` (the repository root on sys.path: `python -m pytest`,
`python -m scripts.load`).
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
VIEWPORT = {"width": 1280, "height": 800}
# url path of every page, in the talk's order ("" is the default page, Model, also at /model).
PAGE_PATHS = ("model", "solve", "forward", "backprop", "loop", "training", "experiments")
# Where the sidebar links point: the default page (Model) lives at "/".
ADDRESS = {p: ("" if p == "model" else p) for p in PAGE_PATHS}
LANG_PARAM = {"en": "English", "ko": "한국어"}
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
# Idle and fully drawn: no loading skeleton left (widgets and charts are lazily loaded chunks).
READY_JS = """() => {
  const a = document.querySelector('[data-testid="stApp"]');
  return !!a && a.getAttribute('data-test-script-state') === 'notRunning'
    && !document.querySelector('[data-testid="stSkeleton"]');
}"""
SIDEBAR_KEYS = ("seed", "activation", "optimizer", "lr", "epochs", "hidden", "lang")

# Counts finished script runs as the server reports them: every ForwardMsg on the websocket whose
# script_finished (field 6, a varint) is not FINISHED_EARLY_FOR_RERUN (2; a rerun follows) is one.
# Watching data-test-script-state instead misses a run of a few ms: React paints "running" and
# "notRunning" in one commit and the attribute never changes (a cached page switch, seen in CI).
# The count goes up 100 ms after the message, once the frontend has drawn what came before it.
RUN_COUNTER_JS = """
window.__stDone = 0;
(() => {
  const finished = (buf) => {  // top-level fields of one protobuf message; true for a finished run
    const b = new Uint8Array(buf);
    let i = 0;
    const varint = () => { let v = 0, s = 0, c; do { c = b[i++]; v += (c & 127) * 2 ** s; s += 7; } while (c & 128); return v; };
    while (i < b.length) {
      const tag = varint(), num = Math.floor(tag / 8), wire = tag % 8;
      if (wire === 0) { const v = varint(); if (num === 6) return v !== 2; }
      else if (wire === 2) { const n = varint(); i += n; }  // not i += varint(): that adds to the old i
      else if (wire === 1) i += 8;
      else if (wire === 5) i += 4;
      else return false;
    }
    return false;
  };
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => {
        if (e.data instanceof ArrayBuffer && finished(e.data)) setTimeout(() => { window.__stDone += 1; }, 100);
      });
    }
  };
})();
"""


def chromium_missing_reason() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} is missing (apt-get install chromium; .ci/run does it)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -r requirements-dev.txt)"
    return None


@dataclass
class Server:
    """A `streamlit run dashboard.py` subprocess on 127.0.0.1:port, run in `root` (this checkout by default)."""

    port: int
    proc: subprocess.Popen | None = None
    log: Path | None = None
    root: Path = ROOT

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, page: str = "", **params: str) -> str:
        """Address of a page (url path) with query parameters."""
        query = f"?{urlencode(params)}" if params else ""
        return f"{self.base}/{page}{query}"

    def start(self, timeout: float = 90.0) -> Server:
        """Start the server and wait for its health endpoint (a readiness wait, not a timing check)."""
        self.log = Path(os.environ.get("TMPDIR", "/tmp")) / f"xor-lab-streamlit-{self.port}.log"
        cmd = [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.headless", "true",
               "--server.port", str(self.port), "--server.address", "127.0.0.1",
               "--browser.gatherUsageStats", "false"]  # fmt: skip
        store = Path(tempfile.mkdtemp(prefix="xor-lab-store-")) / "runs.sqlite3"  # a cold store of its own
        env = {**os.environ, "XORLAB_STORE": str(store)}
        with open(self.log, "wb") as out:
            self.proc = subprocess.Popen(cmd, cwd=self.root, stdout=out, stderr=subprocess.STDOUT, env=env)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"streamlit exited with {self.proc.returncode}:\n{self.log.read_text()[-3000:]}")
            with contextlib.suppress(OSError), urllib.request.urlopen(f"{self.base}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return self
            time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"streamlit did not answer on {self.base} within {timeout:.0f}s")

    def stop(self) -> None:
        """Stop the server by its PID (SIGTERM, then SIGKILL)."""
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def rss_mb(self) -> float:
        """The server's resident memory in MB (from /proc; Linux)."""
        assert self.proc is not None
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def __enter__(self) -> Server:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def launch(playwright):  # -> Browser
    """Debian's Chromium, headless (never a downloaded browser build)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


@dataclass
class Offline:
    """Blocks every request that does not go to 127.0.0.1 and remembers it; records dialogs too."""

    blocked: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def attach(self, context) -> Offline:
        context.route("**/*", self._route)
        context.add_init_script(RUN_COUNTER_JS)
        context.on("page", self._on_page)
        return self

    def _route(self, route) -> None:
        url = route.request.url
        host = urlsplit(url).hostname
        if host == "127.0.0.1" or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def _on_page(self, page) -> None:
        def on_dialog(d) -> None:
            self.dialogs.append(f"{d.type}: {d.message}")
            d.dismiss()

        page.on("dialog", on_dialog)


def new_context(browser, locale: str = "en-US", viewport: dict | None = None):
    """A fresh browser context (its own cookies, its own Streamlit session), offline, 1280x800 by default."""
    ctx = browser.new_context(viewport=viewport or VIEWPORT, locale=locale)
    offline = Offline().attach(ctx)
    return ctx, offline


def runs_done(page) -> int:
    """How many script runs this page has seen finish."""
    return page.evaluate("() => window.__stDone || 0")


def settle(page, since: int | None = None, timeout: float = 90_000) -> None:
    """Wait until a script run finished after `since` (if given) and the app is idle."""
    if since is not None:
        page.wait_for_function("(n) => window.__stDone > n", arg=since, timeout=timeout, polling=250)
    page.wait_for_function(READY_JS, timeout=timeout, polling=250)


def goto(page, url: str, timeout: float = 90_000) -> None:
    """Open an address and wait for its first script run to finish (the sidebar drawn, the app idle)."""
    page.goto(url)
    page.wait_for_function(
        "() => window.__stDone >= 1 && !!document.querySelector('.st-key-seed input')", timeout=timeout
    )
    page.wait_for_function(READY_JS, timeout=timeout, polling=250)


def exceptions(page) -> list[str]:
    """Text of every st.exception / traceback box on the page."""
    return page.locator('[data-testid="stException"]').all_inner_texts()


def shot(page, name: str) -> Path:
    """Save a screenshot into screenshots/ (ignored by git)."""
    SHOTS.mkdir(exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path


def main_text(page) -> str:
    """The visible text of the main area (not the sidebar)."""
    return page.locator('[data-testid="stMain"]').inner_text()


# --- sidebar widgets ------------------------------------------------------------------------------


def widget(page, key: str):
    """The element of the widget with this key."""
    return page.locator(f".st-key-{key}")


def select(page, key: str, option: str) -> None:
    """Choose an option of a selectbox and wait for the rerun."""
    n = runs_done(page)
    box = widget(page, key).locator('input[role="combobox"]')
    box.click()
    page.get_by_role("option", name=option, exact=True).click()
    settle(page, n)


def selected(page, key: str) -> str:
    """The current value shown by a selectbox."""
    return widget(page, key).locator('input[role="combobox"]').input_value()


def slide(page, key: str, press: str) -> None:
    """Move a slider / select_slider with one key press (ArrowRight, End, ...) and wait for the rerun."""
    n = runs_done(page)
    widget(page, key).locator('input[type="range"]').focus()
    page.keyboard.press(press)
    settle(page, n)


def slider_value(page, key: str) -> str:
    """The value a slider shows (its aria-valuetext, as formatted by the app)."""
    return widget(page, key).locator('input[type="range"]').get_attribute("aria-valuetext") or ""


def type_number(page, key: str, value: int) -> None:
    """Type a number into a number_input, press Enter, wait for the rerun."""
    n = runs_done(page)
    field_ = widget(page, key).locator("input")
    field_.fill(str(value))
    field_.press("Enter")
    settle(page, n)


def number_value(page, key: str) -> str:
    """The value shown by a number_input."""
    return widget(page, key).locator("input").input_value()


def set_lang(page, lang: str) -> None:
    """Click the language button (en / ko) and wait for the rerun."""
    n = runs_done(page)
    widget(page, "lang").get_by_role("radio", name=LANG_PARAM[lang], exact=True).click()
    settle(page, n)


def open_page(page, url_path: str) -> None:
    """Switch page with the sidebar navigation (keeps the session) and wait for the run."""
    n = runs_done(page)
    paths = ("/", "/model") if url_path == "model" else (f"/{url_path}",)  # the default page has two addresses
    links = page.locator('[data-testid="stSidebarNavLink"]')
    for i in range(links.count()):
        href = links.nth(i).get_attribute("href") or ""
        if urlsplit(href).path in paths:
            for _ in range(3):  # a click that lands while the page is still settling can be dropped: click again
                links.nth(i).click()
                try:
                    page.wait_for_url(lambda u: urlsplit(u).path in paths, timeout=15_000)
                    break
                except Exception:  # still on the old page
                    continue
            settle(page, n)
            return
    raise AssertionError(f"no sidebar link to /{url_path}")


# --- charts -----------------------------------------------------------------------------------------

# For every Vega-Lite chart: its canvas has a size and coloured (mark) pixels, or its SVG has mark
# elements; for every Graphviz chart: an SVG with node groups. Returns one problem string per bad chart.
CHARTS_JS = """
() => {
  const problems = [];
  document.querySelectorAll('[data-testid="stVegaLiteChart"]').forEach((el, i) => {
    const canvas = el.querySelector('canvas');
    const svg = el.querySelector('svg.marks, svg[class*="marks"]') || el.querySelector('svg');
    if (canvas) {
      if (!(canvas.width > 0 && canvas.height > 0)) { problems.push(`vega #${i}: empty canvas`); return; }
      const ctx = canvas.getContext('2d');
      const d = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      let coloured = 0;
      for (let p = 0; p < d.length; p += 4) {
        const mx = Math.max(d[p], d[p+1], d[p+2]), mn = Math.min(d[p], d[p+1], d[p+2]);
        if (d[p+3] > 0 && (mx - mn > 40 || mx < 200)) coloured += 1;
      }
      if (coloured < 30) problems.push(`vega #${i}: canvas has no marks (${coloured} drawn pixels)`);
    } else if (svg) {
      const marks = svg.querySelectorAll('.mark-symbol path, .mark-line path, .mark-rect path, .mark-area path, '
        + '.mark-arc path, .mark-rule line, .mark-text text, .mark-point path, .mark-tick line, .mark-trail path, '
        + '.mark-shape path, .mark-image image');
      if (marks.length === 0) problems.push(`vega #${i}: svg without marks`);
    } else {
      problems.push(`vega #${i}: neither canvas nor svg`);
    }
  });
  document.querySelectorAll('[data-testid="stGraphVizChart"]').forEach((el, i) => {
    const nodes = el.querySelectorAll('svg g.node');
    if (nodes.length === 0) problems.push(`graphviz #${i}: svg without nodes`);
  });
  return problems;
}
"""


def chart_counts(page) -> tuple[int, int]:
    """(Vega-Lite charts, Graphviz charts) on the page."""
    return (
        page.locator('[data-testid="stVegaLiteChart"]').count(),
        page.locator('[data-testid="stGraphVizChart"]').count(),
    )


def charts_drawn(page, timeout: float = 60_000) -> list[str]:
    """Wait until every chart on the page has drawn; return the problems left (empty when all drew)."""
    with contextlib.suppress(Exception):
        page.wait_for_function(f"() => ({CHARTS_JS})().length === 0", timeout=timeout, polling=500)
    return page.evaluate(CHARTS_JS)


# --- tables ---------------------------------------------------------------------------------------

# Every drawn st.dataframe whose columns need more width than it has (its grid scrolls sideways, so the
# last column is cut off on screen): its column headers and the two widths.
CLIPPED_TABLES_JS = """
() => [...document.querySelectorAll('[data-testid="stDataFrame"]')].flatMap((el) => {
  const sc = el.querySelector('.dvn-scroller');
  if (!sc || el.getBoundingClientRect().width === 0) return [];
  if (sc.scrollWidth <= sc.clientWidth + 1) return [];
  const heads = [...el.querySelectorAll('th')].map((h) => h.innerText).join(' | ');
  return [`${heads}: needs ${sc.scrollWidth} px, has ${sc.clientWidth}`];
})
"""


def clipped_tables(page) -> list[str]:
    """One line per table on the page that cuts a column off (it scrolls sideways); empty when all fit."""
    return page.evaluate(CLIPPED_TABLES_JS)


# --- graph and diagram text ---------------------------------------------------------------------------

# The rendered size (px) of the text in every drawn Graphviz chart: its computed font-size in SVG units (CSS
# wins over the font-size attribute: Streamlit's sets 9.6) times the SVG's scale on screen (the chart is
# scaled to its column). Issue #12 asks for at least 16 px.
GRAPH_FONT_JS = """
() => [...document.querySelectorAll('[data-testid="stGraphVizChart"] svg')].flatMap((svg) => {
  const r = svg.getBoundingClientRect();
  if (r.width === 0) return [];
  const texts = [...svg.querySelectorAll('text')];
  const px = texts.map((t) => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a);
  return [{width: r.width, height: r.height, min: Math.min(...px), max: Math.max(...px),
           smallest: texts[px.indexOf(Math.min(...px))].textContent}];
})
"""


def graph_font_px(page) -> list[dict]:
    """Per drawn Graphviz chart: its size, the smallest and largest rendered text (px) and the smallest text."""
    return page.evaluate(GRAPH_FONT_JS)


# --- injected markup ----------------------------------------------------------------------------------

INJECTED_JS = """
() => {
  const found = [];
  document.querySelectorAll('img').forEach((img) => {
    const src = img.getAttribute('src') || '';
    if (src === 'x' || img.hasAttribute('onerror')) found.push(img.outerHTML.slice(0, 120));
  });
  document.querySelectorAll('script').forEach((s) => {
    if ((s.textContent || '').includes('alert(')) found.push('script: ' + s.textContent.slice(0, 80));
  });
  document.querySelectorAll('a[href*="evil"]').forEach((a) => found.push('link: ' + a.outerHTML.slice(0, 120)));
  document.querySelectorAll('[onerror], [onload]').forEach((e) => {
    if (e.tagName !== 'BODY' && e.tagName !== 'IFRAME') found.push('handler: ' + e.outerHTML.slice(0, 120));
  });
  return found;
}
"""


def injected(page) -> list[str]:
    """Elements that could only exist if a URL value had been rendered as markup."""
    return page.evaluate(INJECTED_JS)


@contextlib.contextmanager
def browser_session() -> Iterator[object]:
    """A Playwright + Chromium for scripts (tests use fixtures)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = launch(pw)
        try:
            yield browser
        finally:
            browser.close()
