"""Benchmark: `python -m benchmarks.bench [--quick] [--no-browser]` prints a markdown table measured on this machine.

Every figure is the median of several repeats, measured in one run, so the ratios compare like with like:
- the lecture's own loop (cell 1: nn.Module, BCELoss, Adam lr 0.01, zero_grad/backward/step, 2000 epochs,
  no history) against train(Config()) (PyTorch itself) recording its full history;
- 256 seeds on the numpy engine (train_final) against 256 runs of the lecture loop (timed as the median of a
  handful of lecture-loop runs times 256, as the table says);
- the default Experiments grid (5 activations x 4 optimizers x 100 seeds x 2000 epochs) on the engine, and on a
  sample of it how many runs' outcomes differ from PyTorch's (stored for the Experiments page);
- a Training Curve page rerun through Streamlit's AppTest at new settings (uncached) and known ones (cached);
- cold start: `streamlit run dashboard.py` to the first page rendered in headless Chromium (skippable).
Targets (issue 8): train >= 1x the lecture loop; uncached Training rerun <= 1.5x one lecture loop, cached <= 0.3x.
Streamlit and Playwright are imported only inside the functions that need them: this tool drives the app
from outside.
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import torch
from torch import nn, optim

from benchmarks.agreement import measure
from xorcore.agreement import save
from xorcore.batch import train_final
from xorcore.config import ACTIVATIONS, OPTIMIZERS, Config
from xorcore.experiments import run_grid
from xorcore.train import train

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
SCRUBBER = '.st-key-train_epoch input[type="range"]'
PLAY_BAR = '[data-testid="stProgress"]'  # while playing, the scrubber's place: its status line names the epoch


def lecture_loop(epochs: int = 2000) -> torch.Tensor:
    """The lecture's cell 1, verbatim in substance: the plain PyTorch training loop."""
    X = torch.tensor([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=torch.float32)
    y = torch.tensor([[0], [1], [1], [0]], dtype=torch.float32)

    class XORModel(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.layer1 = nn.Linear(2, 2)
            self.activation = nn.Sigmoid()
            self.layer2 = nn.Linear(2, 1)
            self.sigmoid = nn.Sigmoid()

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            return self.sigmoid(self.layer2(self.activation(self.layer1(x))))

    model = XORModel()
    criterion = nn.BCELoss()
    optimizer = optim.Adam(model.parameters(), lr=0.01)
    for _ in range(epochs):
        prediction = model(X)
        loss = criterion(prediction, y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return model(X).detach()


def median_time(fn: Callable[[], object], repeats: int, warmup: int = 1) -> float:
    """Median wall time of fn over `repeats` calls, after `warmup` untimed calls."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def page_reruns(repeats: int) -> tuple[float, float]:
    """(uncached, cached) median seconds of a Training Curve rerun in AppTest after a sidebar change."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.query_params["lang"] = "English"
    at.run()
    at.switch_page("app_pages/training.py").run()
    if at.exception:
        raise RuntimeError(f"the Training page raised: {at.exception[0].value}")
    seed_box = at.number_input(key="seed")
    uncached, cached = [], []
    for i in range(repeats):
        t0 = time.perf_counter()
        seed_box.set_value(1000 + i).run()  # a seed not trained before in this process: uncached
        uncached.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        seed_box.set_value(42).run()  # the lecture's seed, trained at the start: cached
        cached.append(time.perf_counter() - t0)
        if at.exception:
            raise RuntimeError(f"the Training page raised: {at.exception[0].value}")
    return statistics.median(uncached), statistics.median(cached)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cold_start(repeats: int) -> tuple[float, float]:
    """(server ready, first page rendered) median seconds from `streamlit run dashboard.py` in Chromium."""
    from playwright.sync_api import sync_playwright

    ready, rendered = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)  # launched before the clock
        for _ in range(repeats):
            port = _free_port()
            cmd = [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.headless", "true",
                   "--server.port", str(port), "--browser.gatherUsageStats", "false"]  # fmt: skip
            t0 = time.perf_counter()
            server = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                while True:
                    try:
                        urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1)
                        break
                    except OSError:
                        if server.poll() is not None or time.perf_counter() - t0 > 120:
                            raise RuntimeError("streamlit did not start") from None
                        time.sleep(0.05)
                ready.append(time.perf_counter() - t0)
                page = browser.new_page(viewport={"width": 1280, "height": 800})
                page.goto(f"http://127.0.0.1:{port}/?lang=English")
                page.wait_for_selector("h1", timeout=120_000)
                page.wait_for_selector(IDLE, timeout=120_000)
                rendered.append(time.perf_counter() - t0)
                page.close()
            finally:
                server.terminate()
                server.wait(timeout=30)
        browser.close()
    return statistics.median(ready), statistics.median(rendered)


def play_fps(replays: int = 2, present: bool = False) -> list[tuple[float, int, int]]:
    """Play on Training Curve (the lecture's run, normal speed) in headless Chromium at 1280 x 720, `replays` times.

    Per replay: (seconds from the click to the scrubber back at the last epoch, frames drawn, frames designed).
    A frame is one epoch the progress bar's status line named while playing (polled every 20 ms). Each replay is
    a new session: the first builds every frame, a later one finds them in the cache shared by all sessions.
    """
    from app_pages._player import SPEEDS, frame_count
    from labtools import harness

    out = []
    with harness.Server(_free_port()) as server, harness.browser_session() as browser:
        for _ in range(replays):
            ctx, _ = harness.new_context(browser, viewport={"width": 1280, "height": 720})
            page = ctx.new_page()
            harness.goto(page, server.url("training", lang="English", **({"present": "true"} if present else {})))
            harness.charts_drawn(page, timeout=120_000)
            last = int(page.locator(SCRUBBER).first.get_attribute("max") or 0)
            t0, seen = _press_play(page), set()
            while time.perf_counter() - t0 < 120:
                bars = page.eval_on_selector_all(PLAY_BAR, "els => els.map(e => e.innerText)")
                for text in bars:  # "Epoch 340 of 2000: ..." (a fragment's earlier copy can linger a moment)
                    if m := re.search(r"\d[\d,]*", text):
                        seen.add(int(m.group().replace(",", "")))
                if not bars and seen and page.locator(SCRUBBER).count():
                    break  # the scrubber is back: the replay is over
                page.wait_for_timeout(20)
            out.append((time.perf_counter() - t0, len(seen), frame_count(last, SPEEDS["normal"])))
            ctx.close()
    return out


def _press_play(page) -> float:
    """Click Play (the visible button: the shortcut has a hidden twin) until it turns into Pause; the click's time.

    A click that lands while the page is still settling can be dropped, as a person's would: press again.
    """
    for _ in range(5):
        t0 = time.perf_counter()
        page.get_by_role("button", name="Play").first.click()
        try:
            page.get_by_role("button", name="Pause").first.wait_for(timeout=10_000)
            return t0
        except Exception:  # still "Play": the click was dropped
            continue
    raise RuntimeError("Play never started")


def _s(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def main(argv: list[str] | None = None) -> None:
    """Measure and print the table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="fewer repeats (a rough table in ~half the time)")
    ap.add_argument("--no-browser", action="store_true", help="skip the cold start in Chromium")
    ap.add_argument("--no-app", action="store_true", help="skip the AppTest page reruns")
    ap.add_argument(
        "--agreement-seeds", type=int, default=10, help="seeds per grid cell trained in PyTorch too (0: skip)"
    )
    args = ap.parse_args(argv)
    reps = 3 if args.quick else 7
    lecture_reps = 3 if args.quick else 7

    t_lecture = median_time(lecture_loop, lecture_reps)
    t_train = median_time(lambda: train(Config()), reps)
    seeds = [Config(seed=s) for s in range(256)]
    t_256 = median_time(lambda: train_final(seeds), max(3, reps // 2))
    t_grid = median_time(lambda: run_grid(list(ACTIVATIONS), list(OPTIMIZERS), "optimizers", 100, 2000),
                         max(2, reps // 3))  # fmt: skip

    rows = [
        ("Lecture loop (cell 1: nn.Module + BCELoss + Adam, 2000 epochs, no history)", _s(t_lecture), "1x",
         "reference", f"median of {lecture_reps}"),
        ("`train(Config())`: same run, full history (loss, accuracy, preds, θ, grad norm per epoch)",
         _s(t_train), f"{t_lecture / t_train:.2f}x as fast", ">= 1x", f"median of {reps}"),
        ("256 seeds on the numpy engine (`train_final`: final θ, predictions, loss)", _s(t_256),
         f"{256 * t_lecture / t_256:.0f}x faster than 256 lecture loops ({_s(256 * t_lecture)})", "",
         f"256 loops = 256 x the lecture-loop median above; batch median of {max(3, reps // 2)}"),
        ("Default Experiments grid: 5 activations x 4 optimizers x 100 seeds x 2000 epochs (final θ only)",
         _s(t_grid), f"{2000 * t_lecture / t_grid:.0f}x faster than 2000 lecture loops", "a few seconds",
         f"median of {max(2, reps // 3)}"),
    ]  # fmt: skip
    if args.agreement_seeds > 0:
        agreement = measure(args.agreement_seeds)
        save(agreement)  # the Experiments page states the newest measurement
        rows.append(("Default grid: runs whose outcome differs from PyTorch's own run", f"{agreement.differ} of "
                     f"{agreement.runs}", f"{agreement.share:.1%}", "stated on the page",
                     f"seeds 0-{agreement.seeds - 1} of each of the {agreement.cells} cells, trained both ways"))  # fmt: skip
    if not args.no_app:
        try:
            t_new, t_known = page_reruns(reps)
        except Exception as err:  # a broken page must not hide the other figures
            t_new = t_known = float("nan")
            rows.append(("Training Curve page rerun in AppTest", "failed", "", "", f"{type(err).__name__}: {err}"))
    if not args.no_app and t_new == t_new:  # not nan
        rows += [
            ("Training Curve page rerun in AppTest, new settings (uncached: trains)", _s(t_new),
             f"{t_new / t_lecture:.2f}x the time of one lecture loop", "<= 1.5x",
             f"median of {reps} seed changes"),
            ("Training Curve page rerun in AppTest, known settings (cached)", _s(t_known),
             f"{t_known / t_lecture:.2f}x the time of one lecture loop", "<= 0.3x", f"median of {reps}"),
        ]  # fmt: skip
    if args.no_browser or not os.path.exists(CHROMIUM):
        rows.append(("Cold start (streamlit run -> first page in Chromium)", "skipped", "", "",
                     "--no-browser" if args.no_browser else f"{CHROMIUM} not found"))  # fmt: skip
    else:
        n = 1 if args.quick else 3
        t_ready, t_page = cold_start(n)
        rows += [
            ("Cold start: `streamlit run dashboard.py` until the server answers", _s(t_ready), "", "",
             f"median of {n}"),
            ("Cold start: until the first page is rendered in headless Chromium", _s(t_page), "", "",
             f"median of {n}; browser launched beforehand"),
        ]  # fmt: skip

    if not args.no_browser and os.path.exists(CHROMIUM):
        from app_pages._player import FPS

        for k, (secs, drawn, designed) in enumerate(play_fps(2)):
            rows.append((f"Training Curve: play, normal speed, replay {k + 1} ({'builds every frame' if k == 0 else 'frames cached'})",
                         _s(secs), f"{drawn / secs:.1f} frames/s ({drawn} of {designed} frames drawn)",
                         f"{FPS} frames/s: {designed / FPS:.0f} s", "headless Chromium 1280 x 720, click to last epoch"))  # fmt: skip
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"Measured {time.strftime('%Y-%m-%d %H:%M')} on {os.cpu_count()} CPUs (load average {load}), "
          f"torch {torch.__version__} ({torch.get_num_threads()} threads), Python {sys.version.split()[0]}.\n")  # fmt: skip
    print("| measurement | time | ratio | target | how |")
    print("| --- | ---: | --- | --- | --- |")
    for r in rows:
        print("| " + " | ".join(r) + " |")


if __name__ == "__main__":
    main()
