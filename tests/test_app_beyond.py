"""The views beyond the lecture in AppTest: each container in both languages, its numbers equal xorcore's."""

from __future__ import annotations

import json

import numpy as np
import pytest
from conftest import app, to_slide

from xorcore import LECTURE, XOR_X, build_model, manual_step
from xorcore.loop import LoopStepper
from xorcore.shares import grad_shares
from xorcore.trace import loss_of

BACKPROP, LOOP = "app_pages/backprop.py", "app_pages/loop.py"


def page(path: str, lang: str = "en", **params: str):
    at = app(path, lang=lang, **params)
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(block) -> str:
    """The markdown, captions and headers inside a container."""
    return "\n".join(e.value for kind in ("markdown", "caption", "header", "subheader") for e in block.get(kind))


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_backprop_views_are_there_in_both_languages(lang):
    at = page(BACKPROP, lang)
    keys = ("grad-shares", "local-upstream", "loss-slice", "loss-slice-planes")
    shares, local, sl, planes = (at.get_by_key(k) for k in keys)
    assert len(shares.get("vega_lite_chart")) == 1 and len(local.get("graphviz_chart")) == 1
    assert len(sl.get("vega_lite_chart")) == 1  # the slice
    assert len(planes.get("vega_lite_chart")) == 4  # boundary and hidden plane, before and after
    assert "⟦" not in texts(shares) + texts(local) + texts(sl) + texts(planes)
    assert "-0.0040" in texts(shares)  # dL/dW1[0,0] at seed 42, where the shares cancel most
    assert "0.223" in local.get("graphviz_chart")[0].proto.spec or "0.2227" in local.get("graphviz_chart")[0].proto.spec
    if lang == "ko":
        assert "상쇄" in texts(shares) and "분의 1입니다" in texts(local)
    else:
        assert "times smaller" in texts(local)


def test_shares_chart_carries_autograds_shares():
    at = page(BACKPROP)
    spec = json.loads(at.get_by_key("grad-shares").get("vega_lite_chart")[0].proto.spec)
    s = grad_shares(build_model(LECTURE))
    desc = spec["description"]
    for j in range(4):  # the W1 group is shown first: every share and the sum are in the alt text
        assert (
            f"{s.names[j]}: shares " + ", ".join(f"{v:.4f}".replace("-0.0000", "0.0000") for v in s.shares[:, j])
            in desc
        )


def test_slice_follows_the_manual_step_and_shows_the_overshoot():
    at = page(BACKPROP)
    at.number_input(key="bp_eta").set_value(5.0).run()
    assert not at.exception
    sl = at.get_by_key("loss-slice")
    after = loss_of(manual_step(build_model(LECTURE), 5.0))
    body = texts(sl)
    assert f"{after:.4f}" in body and "too large" in body  # η = 5 raises the loss at seed 42
    model = build_model(LECTURE)
    p0, p1 = (float(m(XOR_X)[0, 0]) for m in (model, manual_step(model, 5.0)))
    planes = texts(at.get_by_key("loss-slice-planes"))  # the planes' caption: predictions before and after, by PyTorch
    assert f"(0,0): {p0:.4f} → {p1:.4f}" in planes
    at.selectbox(key="bx_along").set_value("W2[0,1]").run()
    assert not at.exception and "W2[0,1] alone" in texts(at.get_by_key("loss-slice"))


def test_slice_waits_for_a_valid_step_size():
    at = page(BACKPROP)
    at.number_input(key="bp_eta").set_value(-1.0).run()
    assert not at.exception
    for key in ("loss-slice", "loss-slice-planes"):
        with pytest.raises(KeyError):
            at.get_by_key(key)  # the page's own message explains the bad η; no slice of nothing


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_loop_page_steps_like_the_stepper(lang):
    at = page(LOOP, lang)
    box = at.get_by_key("loop-stepper")
    assert "⟦" not in texts(box)
    for _ in range(3):
        at.button(key="lp_next_step").click().run()
    at.button(key="lp_next_epoch").click().run()
    at.button(key="lp_next_step").click().run()
    assert not at.exception
    s: LoopStepper = at.session_state["lp_stepper"]
    assert (s.epoch, s.next_step) == (1, "loss")
    ref = LoopStepper(LECTURE)
    for _ in range(6):
        ref.step_once()
    values = at.get_by_key("loop-stepper").dataframe[1].value
    np.testing.assert_allclose(
        values["θ"].astype(float).to_numpy()[:4], ref.history[-1].params["W1"].ravel(), atol=1e-6
    )
    assert "background" in (at.get_by_key("loop-stepper").markdown[1].value)  # the line that ran is highlighted
    assert "prediction = model(X)" in texts(at.get_by_key("loop-stepper"))


def test_loop_state_is_per_session_and_restarts_on_new_settings():
    a = page(LOOP)
    a.button(key="lp_next_epoch").click().run()
    b = page(LOOP)  # another browser session
    assert b.session_state["lp_stepper"].epoch == 0 and a.session_state["lp_stepper"].epoch == 1
    a.selectbox(key="optimizer").set_value("sgd").run()
    assert a.session_state["lp_stepper"].epoch == 0 and a.session_state["lp_stepper"].config.optimizer == "sgd"


def test_skip_zero_grad_shows_the_sum_and_the_two_curves():
    at = page(LOOP)
    at.toggle(key="lp_skip").set_value(True).run()
    at.button(key="lp_next_epoch").click().run()
    for _ in range(4):
        at.button(key="lp_next_step").click().run()
    assert not at.exception
    body = texts(at.get_by_key("loop-stepper"))
    assert "is the sum of the .grad before it" in body and "(largest difference 0.0e+00)" in body
    charts = [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]
    assert len(charts) == 2 and {"with zero_grad", "without zero_grad"} <= {c["title"]["text"] for c in charts}


def test_loop_page_in_presentation_mode_has_two_slides():
    at = page(LOOP, present="true")
    assert any("slide 1 of 2" in m.value for m in at.markdown)
    assert not at.get("vega_lite_chart")  # the curves are the second slide
    to_slide(at, "loop", "zero-grad")
    assert not at.exception
    assert len(at.get("vega_lite_chart")) == 2


def test_loop_page_with_every_optimizer():
    for opt in ("sgd", "momentum", "rmsprop"):
        at = page(LOOP, optimizer=opt)
        at.button(key="lp_next_epoch").click().run()
        assert not at.exception
        cols = list(at.get_by_key("loop-stepper").dataframe[1].value.columns)
        want = {"sgd": [], "momentum": ["momentum_buffer"], "rmsprop": ["step", "square_avg"]}[opt]
        assert cols == ["θ", ".grad", *want], (opt, cols)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_backprop_slides_carry_the_beyond_views(lang):
    """Presentation mode: the shares, local x upstream, the loss slice and its planes are slides."""
    at = page(BACKPROP, lang, present="true")
    box = to_slide(at, "backprop", "shares").get_by_key("grad-shares")
    assert len(box.get("vega_lite_chart")) == 1 and "-0.0040" in texts(box)
    box = to_slide(at, "backprop", "local-upstream").get_by_key("local-upstream")
    latex = box.get("latex")[0].value
    s = grad_shares(build_model(LECTURE))
    for v in s.shares[:, 0]:  # W1[0,0]: each row's product is autograd's share of that row
        assert f"{v:.6f}".replace("-0.000000", "0.000000") in latex
    assert "= -0.004000" in latex  # their sum: autograd's dL/dW1[0,0] at seed 42
    assert "times smaller" in texts(box) or "분의 1입니다" in texts(box)
    box = to_slide(at, "backprop", "slice").get_by_key("loss-slice")
    assert len(box.get("vega_lite_chart")) == 1
    assert f"{loss_of(manual_step(build_model(LECTURE), 0.1)):.4f}" in texts(box)
    assert len(to_slide(at, "backprop", "planes").get_by_key("loss-slice-planes").get("vega_lite_chart")) == 4
    assert not at.exception
    assert any(m.value.endswith(("slide 15 of 15**", "슬라이드 15 / 15**")) for m in at.markdown)
    assert "⟦" not in "\n".join(m.value for m in at.markdown)


def test_the_slice_slide_follows_the_step_set_on_the_update_slide():
    at = to_slide(page(BACKPROP, present="true"), "backprop", "update")
    at.number_input(key="bp_eta").set_value(5.0).run()
    at.button(key="slide-next").click().run()  # the loss along that step
    assert not at.exception
    body = texts(at.get_by_key("loss-slice"))
    assert f"{loss_of(manual_step(build_model(LECTURE), 5.0)):.4f}" in body and "too large" in body
    at.button(key="slide-prev").click().run()  # back: the update slide keeps η = 5
    assert at.number_input(key="bp_eta").value == 5.0


def test_shares_slide_with_eight_units_shows_where_the_shares_cancel_most():
    at = to_slide(page(BACKPROP, present="true", hidden="8", activation="relu"), "backprop", "shares")
    box = at.get_by_key("grad-shares")
    assert not at.exception
    desc = json.loads(box.get("vega_lite_chart")[0].proto.spec)["description"]
    s = grad_shares(build_model(LECTURE.__class__(hidden=8, activation="relu")))
    ratio = s.cancel()
    top = sorted(range(16), key=lambda j: -ratio[j])[:5]  # W1's 16 entries come first in param order
    assert [n for n in s.names[:16] if f"{n}: shares" in desc] == [s.names[j] for j in sorted(top)]
    assert "The 5 of these 16 parameters" in texts(box)
