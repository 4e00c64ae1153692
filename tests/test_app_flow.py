"""Every Forward and Backprop step draws its network picture (flow-<page>-<k>), in reading and presentation mode."""

from __future__ import annotations

import pytest

from tests.conftest import app, on_screen, to_slide

STEPS = {"forward": 5, "backprop": 8}


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("page", list(STEPS))
def test_reading_mode_draws_every_steps_picture(page, lang):
    at = app(f"app_pages/{page}.py", lang=lang)
    assert not at.exception
    missing = [k for k in range(1, STEPS[page] + 1) if not on_screen(at, f"flow-{page}-{k}")]
    assert not missing, f"no flow-{page}-<k> for steps {missing}"


def test_reading_mode_draws_one_rows_picture():
    at = app("app_pages/backprop.py")
    at.segmented_control(key="bp_rows").set_value(2).run()
    assert not at.exception and on_screen(at, "flow-backprop-8")


@pytest.mark.parametrize("hidden", ["2", "4", "8"])
@pytest.mark.parametrize("page", list(STEPS))
def test_each_step_slide_draws_its_picture(page, hidden):
    """Every width: a wider net's slide draws the compact picture, and its equation writes the units drawn (1, 2, ⋯)."""
    at = app(f"app_pages/{page}.py", present="true", hidden=hidden)
    for k in range(1, STEPS[page] + 1):
        to_slide(at, page, f"step-{k}")
        assert not at.exception, at.exception[0].value
        assert on_screen(at, f"flow-{page}-{k}"), f"slide {k} at {hidden} units has no flow-{page}-{k}"
        (dot,) = [g.proto.spec for g in at.get_by_key(f"flow-{page}-{k}").get("graphviz_chart")]
        assert ("z1_s" in dot) == (hidden != "2"), f"slide {k}: the picture is not compact at {hidden} units"
        equation = " ".join(e.value for e in at.get_by_key(f"slide-{page}-step-{k}").get("latex"))
        assert (r"\cdots" in equation) == (hidden != "2" and EQ_UNITS[page][k - 1]), f"slide {k}: {equation[:200]}"


# Whether step k's equation has a factor with one entry per hidden unit (a wider net's slide writes 1, 2, ⋯).
EQ_UNITS = {
    "forward": (True, True, True, False, False),
    "backprop": (False, False, True, False, True, True, True, True),
}
