"""Presentation mode in headless Chromium at 1280 x 720, both languages: the clicker alone drives the talk.

Opens /forward in presentation mode and presses PageDown (never a click) through Forward, Backprop, the
Loop and Training Curve into Experiments (whose grid trains when its first slide opens), in the order
tests/test_talk.py states; after every press the current slide's container lies wholly inside the viewport. A viewport screenshot of every slide is saved into screenshots/.
"""

from __future__ import annotations

import os
import socket

import pytest

from labtools import harness
from tests.test_talk import TALK

SCREEN = {"width": 1280, "height": 720}
# The talk from Forward on (its order is stated once, in tests/test_talk.py); Experiments' grid is trained
# when its first slide opens, with no click.
WALK = TALK[[p for p, _ in TALK].index("forward") :]
INSIDE_JS = """(sel) => {
  const el = document.querySelector(sel);
  if (!el) return null;
  const r = el.getBoundingClientRect();
  return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height,
          vw: window.innerWidth, vh: window.innerHeight};
}"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def own_server():
    """A server of its own: on XOR_E2E_PORT when it is set, else on a free port (the shared one may be in use)."""
    if harness.chromium_missing_reason():
        pytest.skip(f"browser tests skipped: {harness.chromium_missing_reason()}")
    srv = harness.Server(int(os.environ.get("XOR_E2E_PORT") or _free_port())).start()
    yield srv
    srv.stop()


def _wholly_inside(page, key: str, what: str) -> None:
    box = page.evaluate(INSIDE_JS, f".st-key-{key}")
    assert box is not None, f"{what}: no container .st-key-{key}"
    assert box["height"] > 0, f"{what}: .st-key-{key} is empty"
    inside = box["top"] >= 0 and box["left"] >= 0 and box["bottom"] <= box["vh"] and box["right"] <= box["vw"]
    assert inside, f"{what}: .st-key-{key} is not wholly on the 1280x720 screen: {box}"


def _press(page, key: str, path: str, section: str) -> None:
    """One clicker key, then wait until /path shows its slide `section` (a page switch takes two runs), idle, drawn."""
    page.wait_for_timeout(300)  # a presenter's pause: the new slide's buttons have registered their keys
    page.keyboard.press(key)
    # not harness.settle(page, n): a slide without charts reruns so fast that the run counter may miss it
    page.wait_for_function(
        "([p, k]) => location.pathname.replace(/^\\/|\\/$/g, '') === p && !!document.querySelector(`.st-key-slide-${p}-${k}`)",
        arg=[path, section], timeout=60_000, polling=200,
    )  # fmt: skip
    harness.settle(page)
    harness.charts_drawn(page, timeout=30_000)


def _current_path(page) -> str:
    return page.evaluate("() => location.pathname").strip("/")


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_pagedown_alone_walks_forward_backprop_loop_training_into_experiments(browser, own_server, lang):
    ctx, offline = harness.new_context(browser, "ko-KR" if lang == "ko" else "en-US", SCREEN)
    try:
        page = ctx.new_page()
        harness.goto(page, own_server.url("forward", present="true", lang=harness.LANG_PARAM[lang]))
        harness.charts_drawn(page, timeout=30_000)
        for i, (path, sections) in enumerate(WALK):
            for k, section in enumerate(sections, start=1):
                what = f"{lang} /{path} slide {section}"
                assert _current_path(page) == path, f"{what}: the talk is on /{_current_path(page)}"
                harness.shot(page, f"present-{lang}-{path}-{k}")
                assert not harness.exceptions(page), f"{what}: exception on the page"
                _wholly_inside(page, f"slide-{path}-{section}", what)
                assert not harness.clipped_tables(page), f"{what}: a table cuts a column off"
                if path == "training":  # the point of pressing play: both views on the first screen
                    _wholly_inside(page, "training-loss", what)
                    _wholly_inside(page, "training-boundary", what)
                # the page has exactly this many slides: the last one is numbered n
                bar = page.locator(".st-key-slide-bar").inner_text()
                assert f"{len(sections)}" in bar, f"{what}: the counter says {bar!r}"
                if k < len(sections):
                    _press(page, "PageDown", path, sections[k])
                elif i < len(WALK) - 1:
                    _press(page, "PageDown", WALK[i + 1][0], WALK[i + 1][1][0])
        # PageUp walks back from Experiments to Training Curve, then to the Loop's last slide; Right goes forward again
        exp, loop, training = dict(TALK)["experiments"], dict(TALK)["loop"], dict(TALK)["training"]
        for section in reversed(exp[:-1]):
            _press(page, "PageUp", "experiments", section)
        _press(page, "PageUp", "training", training[-1])
        _press(page, "PageUp", "loop", loop[-1])
        _wholly_inside(page, f"slide-loop-{loop[-1]}", f"{lang} PageUp from Training Curve")
        _press(page, "ArrowRight", "training", training[0])
        outside = [u for u in offline.blocked if "fonts.gstatic.com" not in u]
        assert not outside, f"the page asked for outside assets: {outside[:5]}"
    finally:
        ctx.close()


def test_model_pagedown_crosses_to_forward_and_keys_survive_a_click(browser, own_server):
    """A fresh Model page answers PageDown without a click, through Solve it yourself into Forward; after clicking
    the mode switch the keys still work."""
    ctx, _ = harness.new_context(browser, "en-US", SCREEN)
    try:
        page = ctx.new_page()
        harness.goto(page, own_server.url("model", present="true"))
        forward = dict(TALK)["forward"]
        before = TALK[: [p for p, _ in TALK].index("forward")]  # Model, then Solve it yourself
        walk = [*((p, s) for p, sections in before for s in sections), ("forward", forward[0])]
        for k, (path, section) in enumerate(walk[:-1]):
            _wholly_inside(page, f"slide-{path}-{section}", f"/{path} slide {section}")
            harness.shot(page, f"present-en-{path}-{section}")
            _press(page, "PageDown", *walk[k + 1])
        _wholly_inside(page, "step-forward-1", "/forward after Model and Solve it yourself")
        # the sidebar starts folded on a slide: the presenter opens it and clicks a control (it keeps the focus), then
        # the arrow keys and PageDown
        page.locator('[data-testid="stExpandSidebarButton"]').click()
        page.locator(".st-key-seed button").last.click()  # seed + 1: a rerun with focus in the sidebar
        harness.settle(page)
        _press(page, "ArrowRight", "forward", forward[1])
        _wholly_inside(page, "step-forward-2", "/forward after a click and →")
        _press(page, "PageDown", "forward", forward[2])
        _wholly_inside(page, "step-forward-3", "/forward after a click and PageDown")
    finally:
        ctx.close()


def test_keys_survive_a_click_on_the_manual_update_slides_controls(browser, own_server):
    """On Backprop's manual-update slide, after clicking "one more step" and then "biases too", PageDown moves on."""
    ctx, _ = harness.new_context(browser, "en-US", SCREEN)
    try:
        page = ctx.new_page()
        harness.goto(page, own_server.url("backprop", present="true"))
        harness.charts_drawn(page, timeout=30_000)
        sections = dict(TALK)["backprop"]
        k = sections.index("update")
        for section in sections[1 : k + 1]:
            _press(page, "PageDown", "backprop", section)
        assert page.locator(".st-key-bp_biases").count(), "the update slide has the manual update's controls"
        page.locator(".st-key-bp_another button").first.click()  # one more step
        harness.settle(page)
        page.locator(
            ".st-key-bp_biases [role=radio]"
        ).first.click()  # biases off: a rerun, the focus stays on the control
        harness.settle(page)
        assert not harness.exceptions(page)
        harness.shot(page, "present-en-backprop-update-clicked")
        _press(page, "PageDown", "backprop", sections[k + 1])
        _wholly_inside(
            page, f"slide-backprop-{sections[k + 1]}", "/backprop after clicks on the manual update's controls"
        )
    finally:
        ctx.close()


# every page whose slides draw a value per hidden unit or the network
WIDE_NET = ("model", "solve", "forward", "backprop", "training")


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_slide_fits_the_screen_at_8_hidden_units(browser, own_server, lang):
    """At 8 hidden units (the widest net) every slide of Model, Forward, Backprop and Training Curve fits 1280 x 720.

    Turned to one row per unit, the tables (and the 8-wide matrices under them) ran up to 700 px off the screen;
    the network diagram with every edge labelled, up to 1080 px (it is compact on a slide now).
    """
    ctx, _ = harness.new_context(browser, "ko-KR" if lang == "ko" else "en-US", SCREEN)
    try:
        page = ctx.new_page()
        for path in WIDE_NET:
            harness.goto(page, own_server.url(path, present="true", hidden="8", lang=harness.LANG_PARAM[lang]))
            harness.charts_drawn(page, timeout=60_000)
            for k, section in enumerate(dict(TALK)[path], start=1):
                if k > 1:
                    _press(page, "PageDown", path, section)
                what = f"{lang} /{path} slide {section} at 8 hidden units"
                harness.shot(page, f"present8-{lang}-{path}-{k}")
                assert not harness.exceptions(page), f"{what}: exception on the page"
                assert not harness.clipped_tables(page), f"{what}: a table cuts a column off"
                _wholly_inside(page, f"slide-{path}-{section}", what)
    finally:
        ctx.close()
