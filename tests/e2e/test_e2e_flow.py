"""The signal's path at 1280 x 720: PageDown alone walks Forward's and Backprop's steps, at 2 hidden units and at 8
(the compact picture); on each, the step's network picture (flow-<page>-<k>) lies wholly on screen, takes at least
40% of its slide's area, its text renders at >= 16 px, and the slide fits the screen (nothing to scroll). A viewport
screenshot of every step is saved (screenshots/flow-<lang>-h<hidden>-<page>-<k>.png).
"""

from __future__ import annotations

import pytest

from labtools import harness
from tests.e2e.test_e2e_present import SCREEN, _press, _wholly_inside, own_server  # noqa: F401  (a fixture)
from tests.test_talk import TALK

MIN_SHARE = 0.40
MIN_PX = 16
AREA_JS = """([flow, slide]) => {
  const a = document.querySelector(flow).getBoundingClientRect(), b = document.querySelector(slide).getBoundingClientRect();
  return (a.width * a.height) / (b.width * b.height);
}"""
# how far the main area would scroll: 0 when the slide fits the screen
OVERFLOW_JS = (
    "() => { const m = document.querySelector('[data-testid=\"stMain\"]'); return m.scrollHeight - m.clientHeight; }"
)


@pytest.mark.parametrize("hidden", ["2", "8"])
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_steps_picture_is_the_slides_largest_part(browser, own_server, lang, hidden):  # noqa: F811
    ctx, _ = harness.new_context(browser, "ko-KR" if lang == "ko" else "en-US", SCREEN)
    shares = {}
    try:
        page = ctx.new_page()
        harness.goto(page, own_server.url("forward", present="true", hidden=hidden, lang=harness.LANG_PARAM[lang]))
        harness.charts_drawn(page, timeout=30_000)
        walk = [
            (p, s) for p, sections in TALK if p in ("forward", "backprop") for s in sections if s.startswith("step-")
        ]
        for i, (path, section) in enumerate(walk):
            if i:
                _press(page, "PageDown", path, section)
            k = section.split("-")[1]
            what = f"{lang} /{path} {section} at {hidden} units"
            harness.shot(page, f"flow-{lang}-h{hidden}-{path}-{k}")
            assert not harness.exceptions(page), f"{what}: exception on the page"
            _wholly_inside(page, f"flow-{path}-{k}", what)
            _wholly_inside(page, f"slide-{path}-{section}", what)
            assert page.evaluate(OVERFLOW_JS) <= 0, f"{what}: the slide runs below the screen"
            share = page.evaluate(AREA_JS, [f".st-key-flow-{path}-{k}", f".st-key-slide-{path}-{section}"])
            shares[f"{path}-{k}"] = round(share, 3)
            assert share >= MIN_SHARE, f"{what}: the picture is {share:.0%} of its slide"
            small = [c for c in harness.graph_font_px(page) if c["min"] < MIN_PX]
            assert not small, f"{what}: text under {MIN_PX} px: {small}"
    finally:
        ctx.close()
        print(f"\n{lang}, {hidden} units: picture / slide area: {shares}")
