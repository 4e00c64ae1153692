"""Screenshot every page at 1280x800 in headless Chromium, in Korean and English, into screenshots/.

Starts its own `streamlit run dashboard.py` on 127.0.0.1 (port 8622 by default), blocks every request
to another host (so the pictures show the offline app), waits until each page has finished its run and
every chart has drawn, and saves screenshots/<nn>-<page>-<lang>.png (plus -full.png, the whole page).
Also presses Run on Experiments, and prints the server's memory after every page in both languages
and after that run.

    python -m scripts.screenshots
    python -m scripts.screenshots --pages training --langs en   # one picture
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from labtools import harness

ROOT = Path(__file__).resolve().parents[1]


def full_page(page, path: Path) -> None:
    """The whole page: Streamlit scrolls an inner container, so grow the viewport to its height first."""
    height = page.evaluate(
        "() => Math.max(...['stMain', 'stAppViewContainer', 'stSidebarContent'].map("
        "id => document.querySelector(`[data-testid=${id}]`)?.scrollHeight || 0))"
    )
    page.set_viewport_size({"width": harness.VIEWPORT["width"], "height": min(max(height, 800), 20_000)})
    harness.settle(page)
    harness.charts_drawn(page)
    page.screenshot(path=str(path))
    page.set_viewport_size(harness.VIEWPORT)
    harness.settle(page)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--port", type=int, default=8622)
    ap.add_argument("--pages", nargs="*", default=list(harness.PAGE_PATHS), choices=harness.PAGE_PATHS)
    ap.add_argument("--langs", nargs="*", default=["ko", "en"], choices=["ko", "en"])
    ap.add_argument("--no-full", action="store_true", help="skip the full-page pictures")
    ap.add_argument("--no-experiments-run", action="store_true", help="do not press Run on Experiments")
    args = ap.parse_args()
    if reason := harness.chromium_missing_reason():
        print(f"cannot take screenshots: {reason}", file=sys.stderr)
        return 2
    harness.SHOTS.mkdir(exist_ok=True)
    problems: list[str] = []
    with harness.Server(args.port) as server, harness.browser_session() as browser:
        print(f"server memory at start: {server.rss_mb():.0f} MB")
        for lang in args.langs:
            ctx, offline = harness.new_context(browser, locale="ko-KR" if lang == "ko" else "en-US")
            page = ctx.new_page()
            for path in args.pages:
                index = harness.PAGE_PATHS.index(path) + 1
                harness.goto(page, server.url(harness.ADDRESS[path], lang=harness.LANG_PARAM[lang]))
                bad = harness.charts_drawn(page)
                page.evaluate("() => document.fonts.ready")
                page.mouse.move(1270, 790)  # no hover tooltip in the picture
                name = f"{index:02d}-{path}-{lang}"
                out = harness.shot(page, name)
                if not args.no_full:
                    full_page(page, harness.SHOTS / f"{name}-full.png")
                errors = harness.exceptions(page)
                vega, graphviz = harness.chart_counts(page)
                print(f"{out.relative_to(ROOT)}: {vega} charts, {graphviz} diagrams"
                      + (f", NOT DRAWN: {bad}" if bad else "") + (", EXCEPTION" if errors else ""))  # fmt: skip
                problems += [f"{name}: {p}" for p in bad] + [f"{name}: exception" for e in errors]
            if "experiments" in args.pages and not args.no_experiments_run:
                # Train the Experiments grid (its Run button), picture the result, count the memory after it.
                harness.goto(page, server.url("experiments", lang=harness.LANG_PARAM[lang]))
                n = harness.runs_done(page)
                page.locator('[data-testid="stMain"] button[kind="primary"]').first.click()
                harness.settle(page, n, timeout=600_000)
                page.mouse.move(1270, 790)
                bad = harness.charts_drawn(page)
                name = f"05-experiments-{lang}-run"
                out = harness.shot(page, name)
                if not args.no_full:
                    full_page(page, harness.SHOTS / f"{name}-full.png")
                vega, graphviz = harness.chart_counts(page)
                print(f"{out.relative_to(ROOT)}: {vega} charts, {graphviz} diagrams"
                      + (f", NOT DRAWN: {bad}" if bad else ""))  # fmt: skip
                problems += [f"{name}: {p}" for p in bad] + [f"{name}: exception" for e in harness.exceptions(page)]
                print(f"server memory after the Experiments run ({lang}): {server.rss_mb():.0f} MB")
            if offline.blocked:
                print(f"blocked requests to outside hosts ({lang}): {sorted(set(offline.blocked))}")
            ctx.close()
        print(f"server memory after every page in {' and '.join(args.langs)}: {server.rss_mb():.0f} MB")
    for p in problems:
        print(f"problem: {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
