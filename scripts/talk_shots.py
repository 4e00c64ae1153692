"""Screenshot every slide of the talk and every reading-mode screen at 1280x720, in Korean and English.

For checking that a restructuring left what a presenter and a reader see unchanged: capture a checkout
before and after, then compare the two folders. Starts its own `streamlit run dashboard.py` in --root
(this checkout by default) on 127.0.0.1, offline, and writes into --out:

    <lang>/slides/<nn>-<page>-<i>.png   from /model?present=true, PageDown after each slide until the end
    <lang>/reading/<page>-<nn>.png      each page with presentation off, one viewport (720 px) per screen

Experiments' Run is never pressed. A compare writes before | after | difference pictures into AFTER/../diff/.

    git worktree add ../xor-before <commit>      # the checkout to compare against
    python -m scripts.talk_shots --root ../xor-before --out shots/before
    python -m scripts.talk_shots --root ../xor-before --out shots/before-h3 --params hidden=3
    python -m scripts.talk_shots --langs en --modes slides --port 8701
    python -m scripts.talk_shots --out shots/after
    python -m scripts.talk_shots --compare shots/before shots/after [--tolerance 8]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

from labtools import harness

VIEWPORT = {"width": 1280, "height": 720}
LOCALE = {"en": "en-US", "ko": "ko-KR"}
# The bold counter in the slide bar: "Model · slide 2 of 3" / "모델 · 슬라이드 2 / 3".
COUNTER_RE = re.compile(r"·\s*(?:slide|슬라이드)\s+(\d+)\s*(?:of|/)\s*(\d+)\s*$")
COUNTER_JS = "() => [...document.querySelectorAll('[data-testid=\"stMain\"] strong')].map((e) => e.innerText.trim())"
MAIN = '[data-testid="stMain"]'
OVERFLOW_JS = f"() => {{ const m = document.querySelector('{MAIN}'); return m.scrollHeight - m.clientHeight; }}"
# Scroll the main area (Streamlit's scrolling element) down one screen; true when it was at the bottom already.
SCROLL_JS = f"""() => {{ const m = document.querySelector('{MAIN}'); const top = m.scrollTop;
  m.scrollTop = top + m.clientHeight; return m.scrollTop === top; }}"""


def counter(page) -> str:
    """The slide counter's text ('' when there is none)."""
    return next((s for s in page.evaluate(COUNTER_JS) if COUNTER_RE.search(s)), "")


def url_path(page) -> str:
    """The page's URL path without the slash ('model', 'forward', ...)."""
    return page.url.split("?")[0].rstrip("/").rsplit("/", 1)[-1]


def ready(page, notes: list[str], name: str) -> None:
    """Wait for charts and fonts, move the mouse aside, note undrawn charts and exceptions."""
    bad = harness.charts_drawn(page, timeout=20_000)
    page.evaluate("() => document.fonts.ready")
    page.mouse.move(1275, 715)  # no hover tooltip in the picture
    notes += [f"{name}: {p}" for p in bad] + [f"{name}: exception" for _ in harness.exceptions(page)]


def overflow(page) -> int:
    """How many pixels the main area would have to scroll (0 when it fits)."""
    return page.evaluate(OVERFLOW_JS)


def slides(page, server, lang: str, params: dict, out: Path, notes: list[str]) -> int:
    """PageDown through the whole talk from Model's first slide; return the number of pictures."""
    harness.goto(page, server.url("model", present="true", lang=harness.LANG_PARAM[lang], **params))
    nn = 0
    while True:
        ready(page, notes, f"{lang} slide {url_path(page)} {counter(page)!r}")
        state = (url_path(page), counter(page))
        match = COUNTER_RE.search(state[1])
        if not match:
            notes.append(f"{lang}: no slide counter on /{state[0]}")
            return nn
        nn += 1
        name = f"{nn:02d}-{state[0]}-{match[1]}"
        if extra := overflow(page):
            notes.append(f"{lang} slide {name}: the slide runs {extra} px below the screen")
        page.screenshot(path=str(out / f"{name}.png"))
        n = harness.runs_done(page)
        page.evaluate("() => document.activeElement?.blur()")  # the shortcut is ignored inside an input
        page.keyboard.press("PageDown")
        try:
            harness.settle(page, n, timeout=30_000)
        except Exception:  # no run at all: nothing changed either
            notes.append(f"{lang}: PageDown after {name} started no run")
        if (url_path(page), counter(page)) == state:
            return nn


def reading(page, server, lang: str, params: dict, out: Path, notes: list[str]) -> int:
    """Every page with presentation off, screen by screen down the main area; return the number of pictures."""
    count = 0
    for path in harness.PAGE_PATHS:
        harness.goto(page, server.url(path, lang=harness.LANG_PARAM[lang], **params))
        for nn in range(1, 100):
            ready(page, notes, f"{lang} reading {path}-{nn:02d}")
            page.screenshot(path=str(out / f"{path}-{nn:02d}.png"))
            count += 1
            if page.evaluate(SCROLL_JS):
                break
            page.wait_for_timeout(300)  # let a scroll-triggered paint happen
    return count


def capture(args) -> int:
    """Start the server in args.root and take every picture; print notes and timings."""
    if reason := harness.chromium_missing_reason():
        print(f"cannot take screenshots: {reason}", file=sys.stderr)
        return 2
    params = dict(p.split("=", 1) for p in args.params)
    notes: list[str] = []
    start = time.monotonic()
    with harness.Server(args.port, root=Path(args.root).resolve()) as server, harness.browser_session() as browser:
        for lang in args.langs:
            for mode in args.modes:
                out = Path(args.out) / lang / mode
                out.mkdir(parents=True, exist_ok=True)
                ctx, offline = harness.new_context(browser, locale=LOCALE[lang], viewport=VIEWPORT)
                page = ctx.new_page()
                t0 = time.monotonic()
                count = (slides if mode == "slides" else reading)(page, server, lang, params, out, notes)
                print(f"{lang} {mode}: {count} pictures in {time.monotonic() - t0:.0f} s -> {out}")
                if offline.blocked or offline.dialogs:
                    notes.append(f"{lang} {mode}: blocked {sorted(set(offline.blocked))}, dialogs {offline.dialogs}")
                ctx.close()
    print(f"total {time.monotonic() - start:.0f} s (server in {args.root}, params {params or 'none'})")
    for note in notes:
        print(f"note: {note}")
    return 1 if notes else 0


def side_by_side(a, b, mask, path: Path) -> None:
    """Save before | after | the differing pixels in red over a faded after."""
    from PIL import Image

    w, h = max(a.width, b.width), max(a.height, b.height)
    sheet = Image.new("RGB", (3 * w + 20, h), "white")
    sheet.paste(a, (0, 0))
    sheet.paste(b, (w + 10, 0))
    faded = Image.blend(b, Image.new("RGB", b.size, "white"), 0.7)
    sheet.paste(Image.composite(Image.new("RGB", b.size, (230, 0, 0)), faded, mask), (2 * w + 20, 0))
    path.parent.mkdir(parents=True, exist_ok=True)
    sheet.save(path)


def compare(before: Path, after: Path, tolerance: int = 0) -> int:
    """Pair the PNGs of two captures by name; print differing pixels and their box; write diff pictures.

    A pixel differs when a channel differs by more than `tolerance` (two captures of one checkout differ
    by up to 8 in antialiasing, and st.dataframe's canvas headers now and then by more).
    """
    from PIL import Image, ImageChops

    names = {p.relative_to(d) for d in (before, after) for p in d.rglob("*.png")}
    diff_dir = after.resolve().parent / "diff"
    rows, changed = [], 0
    for name in sorted(names):
        if not (before / name).exists() or not (after / name).exists():
            rows.append((str(name), "only in " + ("after" if (after / name).exists() else "before"), "", "", ""))
            changed += 1
            continue
        a, b = (Image.open(d / name).convert("RGB") for d in (before, after))
        size = (max(a.width, b.width), max(a.height, b.height))
        pa, pb = (Image.new("RGB", size, "white") for _ in range(2))
        pa.paste(a)
        pb.paste(b)
        r, g, bl = ImageChops.difference(pa, pb).split()
        most = ImageChops.lighter(ImageChops.lighter(r, g), bl)
        mask = most.point(lambda v: 255 if v > tolerance else 0)
        differing = mask.histogram()[255]
        if not differing and a.size == b.size:
            rows.append((str(name), "same", "0", "", str(most.getextrema()[1])))
            continue
        changed += 1
        status = "differs" if a.size == b.size else f"size {a.size} -> {b.size}"
        frac = f"{differing / (size[0] * size[1]):.4%}"
        rows.append((str(name), status, frac, str(mask.getbbox()), str(most.getextrema()[1])))
        side_by_side(pa, pb, mask, diff_dir / name)
    width = max(len(r[0]) for r in rows) if rows else 4
    print(f"{'file':<{width}}  {'status':<24}  {'pixels':>9}  {'max':>4}  box (left, top, right, bottom)")
    for file, status, frac, box, most in rows:
        print(f"{file:<{width}}  {status:<24}  {frac:>9}  {most:>4}  {box}")
    print(f"{len(rows)} files, {len(rows) - changed} same, {changed} differ or are on one side only"
          + (f"; diff pictures in {diff_dir}" if changed else ""))  # fmt: skip
    return 1 if changed else 0


def main() -> int:
    """Parse the arguments; capture or compare."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", default=str(harness.ROOT), help="the checkout whose dashboard.py is served")
    ap.add_argument("--out", default=str(harness.SHOTS / "talk"), help="where <lang>/<mode>/ go")
    ap.add_argument("--port", type=int, default=8700)
    ap.add_argument("--langs", nargs="*", default=["ko", "en"], choices=["ko", "en"])
    ap.add_argument("--modes", nargs="*", default=["slides", "reading"], choices=["slides", "reading"])
    ap.add_argument("--params", nargs="*", default=[], metavar="KEY=VALUE", help="added to every URL, e.g. hidden=3")
    ap.add_argument("--compare", nargs=2, metavar=("BEFORE_DIR", "AFTER_DIR"), help="compare two captures (no server)")
    ap.add_argument("--tolerance", type=int, default=0, help="compare: ignore channel differences up to this")
    args = ap.parse_args()
    if args.compare:
        return compare(Path(args.compare[0]), Path(args.compare[1]), args.tolerance)
    return capture(args)


if __name__ == "__main__":
    sys.exit(main())
