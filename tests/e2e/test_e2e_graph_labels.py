"""Graph and diagram labels readable from the back row (issue #12): in headless Chromium at 1280 x 720, every
drawn Graphviz chart renders its smallest text at >= 16 px at the width it is drawn (font-size in SVG units
times the SVG's scale on screen, harness.graph_font_px), for 2 and 8 hidden units, both languages, in reading
mode and on the slides that draw one (reached with PageDown alone). A viewport screenshot of each is saved.
"""

from __future__ import annotations

import pytest

from labtools import harness
from tests.test_talk import TALK

SCREEN = {"width": 1280, "height": 720}
MIN_PX = 16
# (url path, presentation slide's section or None for reading mode): every view that draws a Graphviz chart.
VIEWS = (
    ("model", None),  # the network, initial parameters (the trained tab is hidden until clicked)
    ("model", "network"),  # the network slide: the diagram beside its key
    ("forward", None),  # every step's network picture
    (
        "backprop",
        None,
    ),  # every step's network picture, the computation graph, the network with gradients, local x upstream
    ("backprop", "network"),  # the gradients on the network
    ("backprop", "local-upstream"),  # local x upstream: the graph folded under "More explanation"
    ("training", None),  # the network at the scrubber's epoch
)


def _to_slide(page, path: str, section: str) -> None:
    """PageDown until /path shows the slide of `section`, idle and drawn."""
    sections = dict(TALK)[path]
    for k in sections[1 : sections.index(section) + 1]:
        page.wait_for_timeout(300)  # the slide's buttons have registered their keys
        page.keyboard.press("PageDown")
        page.wait_for_function("(s) => !!document.querySelector(s)", arg=f".st-key-slide-{path}-{k}",
                               timeout=60_000, polling=200)  # fmt: skip
        harness.settle(page)


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("hidden", [2, 8])
@pytest.mark.parametrize(("path", "slide"), VIEWS)
def test_graphviz_labels_at_least_16px(tab, path, slide, hidden, lang):
    t = tab("ko-KR" if lang == "ko" else "en-US")
    t.page.set_viewport_size(SCREEN)
    params = {"lang": harness.LANG_PARAM[lang], "hidden": str(hidden)}
    t.open(harness.ADDRESS[path], **params, **({"present": "true"} if slide else {}))
    if slide:
        _to_slide(t.page, path, slide)
    problems = harness.charts_drawn(t.page)
    name = f"labels-{path}-{'slide-' + slide if slide else 'reading'}-h{hidden}-{lang}"
    t.check(name)
    assert not problems, f"{name}: charts not drawn: {problems}"
    charts = harness.graph_font_px(t.page)
    assert charts, f"{name}: no Graphviz chart drawn"
    small = [c for c in charts if c["min"] < MIN_PX]
    assert not small, f"{name}: text under {MIN_PX} px: " + "; ".join(
        f"{c['min']:.1f} px ({c['smallest']!r}) in a {c['width']:.0f} px wide chart" for c in small
    )
