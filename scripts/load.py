"""Load test: N concurrent browser sessions change settings and pages at random for T seconds.

Starts its own `streamlit run dashboard.py` on 127.0.0.1 (port 8621 by default), drives N browser
contexts (each its own Streamlit session) in one headless Chromium, and prints: actions, errors (must
be 0), p50 / p95 / max time from a change to the finished rerun, and the server's peak resident memory.
Exits non-zero on any error. Only 127.0.0.1 is contacted; every loop is bounded in count and time.

    python -m scripts.load                      # 10 sessions, 60 s
    python -m scripts.load --sessions 3 --seconds 20
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import threading
import time
from pathlib import Path

from playwright.async_api import TimeoutError as PlaywrightTimeout

from labtools import harness

MAX_ACTIONS_PER_SESSION = 2_000  # a hard bound besides the clock
RERUN_TIMEOUT_MS = 120_000
LOST_AFTER_MS = 20_000
IDLE_CONNECTED_JS = """() => { const a = document.querySelector('[data-testid="stApp"]');
  return a?.getAttribute('data-test-script-state') === 'notRunning'
    && a?.getAttribute('data-test-connection-state') === 'CONNECTED'; }"""
RERUN_DONE_JS = """(n) => window.__stDone > n
  && document.querySelector('[data-testid="stApp"]')?.getAttribute('data-test-script-state') === 'notRunning'"""


class Session:
    """One browser context: a student clicking around."""

    def __init__(self, n: int, browser, server: harness.Server, rng: random.Random) -> None:
        self.n, self.browser, self.server, self.rng = n, browser, server, rng
        self.latencies: list[float] = []
        self.errors: list[str] = []
        self.blocked: list[str] = []
        self.actions = 0
        self.first_ready = float("nan")
        self.last = "opening the first page"
        self.lost = 0

    async def run(self, seconds: float) -> None:
        ctx = await self.browser.new_context(viewport=harness.VIEWPORT, locale="en-US")
        await ctx.route("**/*", self._route)
        await ctx.add_init_script(harness.RUN_COUNTER_JS)
        page = await ctx.new_page()
        page.set_default_timeout(RERUN_TIMEOUT_MS)  # a busy machine renders slowly: wait, then call it an error
        page.on("dialog", lambda d: self.errors.append(f"session {self.n}: dialog {d.message}"))
        try:
            path = self.rng.choice(harness.PAGE_PATHS)
            await page.goto(self.server.url(harness.ADDRESS[path]))
            await self._ready(page, first=True)
            self.first_ready = time.monotonic()
            deadline = self.first_ready + seconds  # T seconds of clicking once the first page is there
            while time.monotonic() < deadline and self.actions < MAX_ACTIONS_PER_SESSION:
                await self._one_action(page)
        except Exception as e:  # a crashed page or a timeout is an error, not a stop of the whole test
            msg = str(e).splitlines()[0][:200]
            try:  # what the page was doing: its script state, finished runs, skeletons left
                msg += " | " + await page.evaluate(
                    "() => [document.querySelector('[data-testid=\"stApp\"]')?.getAttribute('data-test-script-state'),"
                    " document.querySelector('[data-testid=\"stApp\"]')?.getAttribute('data-test-connection-state'),"
                    " 'runs ' + window.__stDone,"
                    " 'skeletons ' + document.querySelectorAll('[data-testid=\"stSkeleton\"]').length].join(', ')"
                )
            except Exception:  # the page itself is gone
                msg += " | page unreachable"
            self.errors.append(
                f"session {self.n}, {self.actions} changes in, last {self.last}: {type(e).__name__}: {msg}"
            )
        finally:
            await ctx.close()

    async def _route(self, route) -> None:
        if route.request.url.startswith(f"{self.server.base}/") or route.request.url.startswith(("data:", "blob:")):
            await route.continue_()
        else:
            self.blocked.append(route.request.url)
            await route.abort()

    async def _ready(self, page, since: int | None = None, first: bool = False) -> bool:
        if first:
            await page.wait_for_function("() => window.__stDone >= 1", timeout=RERUN_TIMEOUT_MS, polling=250)
        if since is not None:  # the rerun this change started has finished (the server sent all of it)
            try:
                await page.wait_for_function(RERUN_DONE_JS, arg=since, timeout=LOST_AFTER_MS, polling=250)
            except PlaywrightTimeout:
                # Idle, connected and no run since the change: the busy browser dropped the click (it never
                # reached the server). Counted apart; a run still going after the full timeout is an error.
                if await page.evaluate(IDLE_CONNECTED_JS):
                    self.lost += 1
                    return False
                await page.wait_for_function(RERUN_DONE_JS, arg=since, timeout=RERUN_TIMEOUT_MS, polling=250)
        else:  # the first page: wait until it has fully drawn too
            await page.wait_for_function(harness.READY_JS, timeout=RERUN_TIMEOUT_MS, polling=250)
        return True

    async def _one_action(self, page) -> None:
        rng = self.rng
        kind = rng.choice(["activation", "optimizer", "lr", "hidden", "seed", "page", "page", "lang"])
        before = await page.evaluate("() => window.__stDone || 0")
        t0 = time.perf_counter()
        if kind in ("activation", "optimizer"):
            # The list shows readable names in the page's language ("leaky ReLU"): pick among what is listed.
            box = page.locator(f'.st-key-{kind} input[role="combobox"]')
            current = await box.input_value()
            await box.click()
            options = [o.strip() for o in await page.get_by_role("option").all_inner_texts()]
            choice = rng.choice([o for o in options if o and o != current])
            t0 = time.perf_counter()
            await page.get_by_role("option", name=choice, exact=True).click()
        elif kind in ("lr", "hidden"):
            thumb = page.locator(f'.st-key-{kind} input[type="range"]')
            value, low, high = [int(await thumb.get_attribute(a) or 0) for a in ("value", "min", "max")]
            key = "ArrowLeft" if value >= high or (value > low and rng.random() < 0.5) else "ArrowRight"
            if kind == "lr" and value + (1 if key == "ArrowRight" else -1) > 9:  # keep lr <= 0.1: no divergence storm
                key = "ArrowLeft"
            await thumb.focus()
            t0 = time.perf_counter()
            await page.keyboard.press(key)
        elif kind == "seed":
            field = page.locator(".st-key-seed input")
            await field.fill(str(rng.randrange(0, 1000)))
            t0 = time.perf_counter()
            await field.press("Enter")
        elif kind == "lang":
            checked = page.locator('.st-key-lang [role="radio"][aria-checked="false"]')
            t0 = time.perf_counter()
            await checked.first.click()
        else:
            links = page.locator('[data-testid="stSidebarNavLink"]')
            count = await links.count()
            current = page.url.split("?")[0].rstrip("/")
            targets = [
                i for i in range(count) if (await links.nth(i).get_attribute("href") or "").rstrip("/") != current
            ]
            t0 = time.perf_counter()
            await links.nth(rng.choice(targets)).click()
        self.last = f"{kind} on {page.url.split('?')[0]}"
        if await self._ready(page, since=before):
            self.latencies.append(time.perf_counter() - t0)
        self.actions += 1
        boxes = await page.locator('[data-testid="stException"]').all_inner_texts()
        if boxes:
            self.errors.append(f"session {self.n} after {kind}: exception on {page.url}: {boxes[0][:300]}")
            raise RuntimeError("exception on the page")


class RssPoller(threading.Thread):
    """Polls the server's VmRSS from /proc every 0.2 s and keeps the peak."""

    def __init__(self, server: harness.Server) -> None:
        super().__init__(daemon=True)
        self.server, self.peak, self.stop = server, 0.0, threading.Event()

    def cpu_seconds(self) -> float:
        """User + system CPU time the server has used so far."""
        assert self.server.proc is not None
        fields = Path(f"/proc/{self.server.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def run(self) -> None:
        while not self.stop.wait(0.2):
            try:
                self.peak = max(self.peak, self.server.rss_mb())
            except (OSError, AssertionError):
                return


async def drive(server: harness.Server, sessions: int, seconds: float, seed: int) -> list[Session]:
    from playwright.async_api import async_playwright

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=harness.CHROMIUM, args=harness.CHROMIUM_ARGS)
        try:
            runs = [Session(i, browser, server, random.Random(seed + i)) for i in range(sessions)]
            await asyncio.gather(*(s.run(seconds) for s in runs))
            return runs
        finally:
            await browser.close()


def pct(values: list[float], q: float) -> float:
    """The q-th percentile (nearest rank)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sessions", type=int, default=10)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--port", type=int, default=8621)
    ap.add_argument("--seed", type=int, default=0, help="seed of the random clicks")
    args = ap.parse_args()
    if reason := harness.chromium_missing_reason():
        print(f"load test cannot run: {reason}", file=sys.stderr)
        return 2
    with harness.Server(args.port) as server:
        base_rss = server.rss_mb()
        poller = RssPoller(server)
        poller.start()
        cpu0 = poller.cpu_seconds()
        t0 = time.monotonic()
        runs = asyncio.run(drive(server, args.sessions, args.seconds, args.seed))
        wall = time.monotonic() - t0
        cpu = poller.cpu_seconds() - cpu0
        poller.stop.set()
        poller.join()
        peak = max(poller.peak, server.rss_mb())
    lat = [x for s in runs for x in s.latencies]
    errors = [e for s in runs for e in s.errors]
    blocked = sorted({u for s in runs for u in s.blocked})
    print(f"sessions: {args.sessions}, seconds: {args.seconds:g} (wall {wall:.0f} s), actions: {len(lat)}")
    print(f"errors: {len(errors)}")
    print(f"changes with no rerun seen (a click the busy browser dropped): {sum(s.lost for s in runs)}")
    for s in runs:
        print(f"  session {s.n}: first page after {s.first_ready - t0:.1f} s, {s.actions} changes, {s.lost} lost")
    for e in errors[:20]:
        print(f"  {e}")
    if lat:
        print(f"change -> finished rerun: p50 {statistics.median(lat):.2f} s, p95 {pct(lat, 95):.2f} s, "
              f"max {max(lat):.2f} s")  # fmt: skip
    print(f"server memory (RSS): start {base_rss:.0f} MB, peak {peak:.0f} MB")
    print(
        f"server CPU: {cpu:.0f} s over {wall:.0f} s wall ({cpu / wall:.0%} of one core; the browsers share the machine)"
    )
    if blocked:
        print(f"requests to outside hosts (blocked): {blocked}")
    if server.log and server.log.exists():
        tracebacks = server.log.read_text(errors="replace").count("Traceback")
        print(f"tracebacks in the server log: {tracebacks}")
        if tracebacks:
            errors.append("traceback in the server log")
    return 1 if errors or not lat else 0


if __name__ == "__main__":
    sys.exit(main())
