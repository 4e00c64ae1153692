"""Solve it yourself in headless Chromium: a slider dragged with the mouse moves the decision boundary (and the link),
and on a slide the clicker's keys still move the talk after a slider was dragged."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from labtools import harness
from tests.e2e.test_e2e_present import SCREEN, _press, _wholly_inside, own_server  # noqa: F401
from tests.test_talk import TALK


def _drag(page, key: str, dx: float) -> None:
    """Drag the thumb of the slider with this key by dx pixels with the mouse and wait for the rerun."""
    n = harness.runs_done(page)
    thumb = harness.widget(page, key).locator('input[type="range"]').locator("xpath=../..")  # react-aria's thumb
    box = thumb.bounding_box()
    assert box is not None, f"no slider thumb in .st-key-{key}"
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + dx / 2, y, steps=5)
    page.mouse.move(x + dx, y, steps=5)
    page.mouse.up()
    harness.settle(page, n)
    harness.charts_drawn(page, timeout=30_000)


def _boundary(page) -> bytes:
    """A picture of the decision boundary's chart as drawn now."""
    page.mouse.move(1275, 715)  # no tooltip in the picture
    return page.locator(".st-key-solve-boundary").screenshot()


def _theta(page) -> str:
    return parse_qs(urlsplit(page.url).query).get("theta", [""])[0]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_dragging_a_slider_moves_the_decision_boundary(browser, own_server, lang):  # noqa: F811
    ctx, _ = harness.new_context(browser, "ko-KR" if lang == "ko" else "en-US", SCREEN)
    try:
        page = ctx.new_page()
        harness.goto(page, own_server.url("solve", lang=harness.LANG_PARAM[lang]))
        harness.charts_drawn(page, timeout=60_000)
        n = harness.runs_done(page)
        page.locator(".st-key-solve-start-hand button").click()
        harness.settle(page, n)
        harness.charts_drawn(page, timeout=30_000)
        assert page.locator(".st-key-solve-verdict-learned").count() == 1
        page.locator(".st-key-solve-boundary").scroll_into_view_if_needed()
        before, theta = _boundary(page), _theta(page)
        harness.widget(page, "solve-net-p-8").scroll_into_view_if_needed()
        _drag(page, "solve-net-p-8", 90)  # b2 up: the output says 1 for more of the plane
        harness.shot(page, f"solve-{lang}-dragged")
        assert not harness.exceptions(page)
        page.locator(".st-key-solve-boundary").scroll_into_view_if_needed()
        after = _boundary(page)
        assert after != before, "the decision boundary did not change when b2 was dragged"
        assert _theta(page) != theta and _theta(page).split(",")[:8] == theta.split(",")[:8]
        typed = float(harness.number_value(page, "solve-net-n-8"))
        assert typed > -15 and f"{typed:.2f}" == harness.slider_value(page, "solve-net-p-8")
    finally:
        ctx.close()


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_on_a_slide_the_clicker_works_after_a_slider_was_dragged(browser, own_server, lang):  # noqa: F811
    """Both slides fit 1280 x 720; after a drag on each, PageDown goes on (into Forward), PageUp comes back."""
    ctx, _ = harness.new_context(browser, "ko-KR" if lang == "ko" else "en-US", SCREEN)
    try:
        page = ctx.new_page()
        harness.goto(page, own_server.url("solve", present="true", lang=harness.LANG_PARAM[lang]))
        harness.charts_drawn(page, timeout=60_000)
        solve, forward = dict(TALK)["solve"], dict(TALK)["forward"]
        _wholly_inside(page, f"slide-solve-{solve[0]}", f"{lang} /solve slide 1")
        harness.shot(page, f"present-{lang}-solve-1")
        _drag(page, "solve-single-p-2", 60)  # b
        _wholly_inside(page, f"slide-solve-{solve[0]}", f"{lang} /solve slide 1 after a drag")
        _press(page, "PageDown", "solve", solve[1])
        _wholly_inside(page, f"slide-solve-{solve[1]}", f"{lang} /solve slide 2")
        harness.shot(page, f"present-{lang}-solve-2")
        before = _boundary(page)
        _drag(page, "solve-net-p-0", -70)  # W1[0,0]
        assert _boundary(page) != before, "the decision boundary did not change on the slide"
        _wholly_inside(page, f"slide-solve-{solve[1]}", f"{lang} /solve slide 2 after a drag")
        assert not harness.exceptions(page)
        _press(page, "PageDown", "forward", forward[0])
        _press(page, "PageUp", "solve", solve[1])
    finally:
        ctx.close()
