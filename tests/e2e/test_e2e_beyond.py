"""The views beyond the lecture in headless Chromium, both languages: each drawn, no exception, a 1280x720 screenshot."""

from __future__ import annotations

import pytest

from labtools import harness

SHOT_VIEWPORT = {"width": 1280, "height": 720}
# (url path, container key, how many clicks on a button of the view before the screenshot)
VIEWS = (
    ("loop", "loop-stepper", ("lp_next_step", 4)),
    ("backprop", "grad-shares", None),
    ("backprop", "local-upstream", None),
    ("backprop", "loss-slice", None),
    ("backprop", "loss-slice-planes", None),
)


def _click(page, key: str, times: int) -> None:
    """Click a button of the view `times` times, waiting for each rerun."""
    for _ in range(times):
        n = harness.runs_done(page)
        harness.widget(page, key).locator("button").click()
        harness.settle(page, n)


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize(("path", "key", "clicks"), VIEWS)
def test_view_is_drawn(tab, path, key, clicks, lang):
    t = tab().open(path, lang=harness.LANG_PARAM[lang])
    t.page.set_viewport_size(SHOT_VIEWPORT)
    if clicks:
        _click(t.page, *clicks)
    view = harness.widget(t.page, key)
    assert view.count() == 1, f"/{path}: no container {key}"
    view.scroll_into_view_if_needed()
    problems = harness.charts_drawn(t.page)
    view.evaluate("el => el.scrollIntoView({block: 'start'})")
    t.check(f"beyond-{key}-{lang}")
    assert not problems, f"/{path} {key} ({lang}): charts not drawn: {problems}"
    assert len(view.inner_text().strip()) > 100
    if key in ("loop-stepper", "loss-slice-planes"):  # what lies below: the zero_grad curves, the after planes
        target = (
            "[data-testid='stVegaLiteChart']"
            if key == "loop-stepper"
            else ".st-key-loss-slice-planes [data-testid='stVegaLiteChart'] >> nth=2"
        )
        t.page.locator(target).first.evaluate("el => el.scrollIntoView({block: 'start'})")
        harness.charts_drawn(t.page)
        harness.shot(t.page, f"beyond-{key}-below-{lang}")


def test_skip_zero_grad_in_the_browser(tab):
    """Skip zero_grad, two epochs and a backward: the accumulation table is on screen."""
    t = tab().open("loop", lang="English")
    t.page.set_viewport_size(SHOT_VIEWPORT)
    n = harness.runs_done(t.page)
    harness.widget(t.page, "lp_skip").locator("label").click()
    harness.settle(t.page, n)
    _click(t.page, "lp_next_epoch", 1)
    _click(t.page, "lp_next_step", 4)
    text = harness.widget(t.page, "loop-stepper").inner_text()
    assert "is the sum of the .grad before it" in text
    harness.widget(t.page, "loop-stepper").evaluate("el => el.scrollIntoView({block: 'start'})")
    t.page.mouse.wheel(0, 600)
    t.check("beyond-loop-skip-zero-grad")
