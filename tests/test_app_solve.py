"""Solve it yourself in AppTest, both languages and both modes: every number is PyTorch's for the parameters set,
the starting points, the truth tables, the link's theta and task (hostile ones too), Train from here."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import DASHBOARD, app, on_screen, to_slide
from streamlit.testing.v1 import AppTest

from xorcore import LECTURE, Config, build_model
from xorcore.data import TASKS
from xorcore.model import flatten, n_params
from xorcore.numfmt import loss_text, num, short32
from xorcore.solve import HAND_LINES, hand_solution, judge_net, judge_single

PAGE = "app_pages/solve.py"
LANG_NAMES = {"en": "English", "ko": "한국어"}


def solve(lang: str = "en", **params: str | list[str]) -> AppTest:
    """dashboard.py opened straight at /solve with these link parameters (a deep link, as a shared link opens)."""
    at = AppTest.from_file(DASHBOARD, default_timeout=120)
    at.query_params["lang"] = LANG_NAMES[lang]
    for k, v in params.items():
        at.query_params[k] = v
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception[0].value
    return at


def table(at: AppTest, k: int = -1):
    """The k-th predictions table on the page (the last: the net's)."""
    return at.dataframe[k].value


def net_theta(at: AppTest) -> np.ndarray:
    return np.asarray(at.session_state["solve:net"], dtype=np.float32)


def verdict_key(at: AppTest) -> str:
    return "learned" if on_screen(at, "solve-verdict-learned") else "not-learned"


def shown_matches_pytorch(at: AppTest, cfg: Config, task: str) -> None:
    """The net's table and loss are judge_net's (a PyTorch forward pass, tests/test_solve.py) for the θ set."""
    judged = judge_net(cfg, net_theta(at), task)
    df = table(at)
    assert list(df.iloc[:, 2]) == [num(v, 4) for v in judged.pred]
    assert list(df.iloc[:, 3]) == [num(v, 4) for v in judged.terms]
    assert any(loss_text(judged.loss) in m.value for m in at.markdown)
    assert on_screen(at, f"solve-verdict-{'learned' if judged.learned else 'not-learned'}")


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_reading_mode_shows_the_runs_initial_parameters_judged_by_pytorch(lang):
    at = solve(lang)
    assert np.array_equal(net_theta(at), flatten(build_model(LECTURE)))
    shown_matches_pytorch(at, LECTURE, "xor")
    assert verdict_key(at) == "not-learned"
    assert at.query_params["theta"] == ",".join(short32(v) for v in net_theta(at))  # the share link
    assert len(at.get("vega_lite_chart")) >= 3  # the single unit's line, the boundary, the hidden plane


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_made_by_hand_is_learned_zeros_are_not(lang):
    at = solve(lang)
    at.button(key="solve-start-hand").click().run()
    assert np.array_equal(net_theta(at), hand_solution("sigmoid", 2))
    assert on_screen(at, "solve-verdict-learned")
    shown_matches_pytorch(at, LECTURE, "xor")
    at.button(key="solve-start-zeros").click().run()
    assert not net_theta(at).any()
    assert on_screen(at, "solve-verdict-not-learned")
    shown_matches_pytorch(at, LECTURE, "xor")


def test_a_slider_and_a_typed_value_set_the_parameter():
    at = solve()
    at.button(key="solve-start-hand").click().run()
    at.slider(key="solve-net-s-8").set_value(5.0).run()  # b2 from -15 to 5: every row says 1
    assert net_theta(at)[8] == 5.0 and on_screen(at, "solve-verdict-not-learned")
    shown_matches_pytorch(at, LECTURE, "xor")
    at.number_input(key="solve-net-n-8").set_value(-15.0).run()
    assert net_theta(at)[8] == -15.0 and on_screen(at, "solve-verdict-learned")
    assert at.slider(key="solve-net-s-8").value == -15.0
    at.number_input(key="solve-net-n-0").set_value(250.0).run()  # beyond the slider: the slider stops at its end
    assert net_theta(at)[0] == 250.0 and at.slider(key="solve-net-s-0").value == 20.0
    shown_matches_pytorch(at, LECTURE, "xor")


def test_trained_parameters_are_the_runs():
    from app_pages._shared import history

    at = solve(epochs="300")
    at.button(key="solve-start-trained").click().run()
    cfg = Config(epochs=300)
    assert np.array_equal(net_theta(at), history(cfg).params[-1])
    shown_matches_pytorch(at, cfg, "xor")


@pytest.mark.parametrize("task", ["and", "or", "nand"])
def test_one_unit_solves_and_or_nand_with_a_line_by_hand(task):
    at = solve(task=task)
    assert at.session_state["solve:task"] == task
    assert on_screen(at, "solve-single-verdict-not-learned")  # zeros: 0.5 everywhere
    at.button(key="solve-single-line").click().run()
    assert on_screen(at, "solve-single-verdict-learned")
    judged = judge_single(np.array(HAND_LINES[task]), task)
    assert list(table(at, 0).iloc[:, 2]) == [num(v, 4) for v in judged.pred]
    assert list(table(at, 0).iloc[:, 1]) == list(TASKS[task])
    at.button(key="solve-single-best").click().run()
    assert on_screen(at, "solve-single-verdict-learned")


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("task", ["xor", "xnor"])
def test_one_unit_cannot_and_the_page_says_ln2_and_why(task, lang):
    at = solve(lang, task=task)
    assert at.button(key="solve-single-line").proto.disabled  # no line by hand to offer
    at.button(key="solve-single-best").click().run()
    assert on_screen(at, "solve-single-verdict-not-learned")
    text = " ".join(m.value for m in at.markdown)
    assert "0.693147" in text and "ln 2" in text and "0 " in text
    assert "(0, 0, b + (w₁ + w₂)/2)" in text  # the symmetry argument, stated


def test_the_truth_table_picker_changes_the_targets_and_the_link():
    at = solve()
    at.button(key="solve-start-hand").click().run()
    at.segmented_control(key="solve-task").set_value("xnor").run()
    assert at.session_state["solve:task"] == "xnor" and at.query_params["task"] == "xnor"
    assert list(table(at).iloc[:, 1]) == [1, 0, 0, 1]
    assert on_screen(at, "solve-verdict-not-learned")  # XOR's solution is exactly wrong on XNOR
    shown_matches_pytorch(at, LECTURE, "xnor")


def test_a_link_with_theta_and_task_opens_them():
    theta = hand_solution("tanh", 3)
    assert theta is not None
    at = solve(theta=",".join(short32(v) for v in theta), task="xor", activation="tanh", hidden="3")
    assert not [w for w in at.warning if w.icon == ":material/link_off:"]
    assert np.array_equal(net_theta(at), theta)
    shown_matches_pytorch(at, Config(activation="tanh", hidden=3), "xor")
    assert on_screen(at, "solve-verdict-learned")


HOSTILE_THETA = {
    "count": "1,2,3",
    "overflow": "1e309" + ",1" * 8,
    "nan": "nan" + ",1" * 8,
    "inf": ",".join(["inf"] * 9),
    "text": "abc" + ",1" * 8,
    "values_500": ",".join(["1"] * 500),
    "repeated": ["1,1,1,1,1,1,1,1,1", "2,2,2,2,2,2,2,2,2"],
    "html": "<img src=x onerror=alert(1)>",
}


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("case", list(HOSTILE_THETA))
def test_a_hostile_theta_gets_a_notice_and_the_initial_parameters(case, lang):
    at = solve(lang, theta=HOSTILE_THETA[case])
    notes = [w.value for w in at.warning if w.icon == ":material/link_off:"]
    assert len(notes) == 1 and "`theta`" in notes[0] and str(n_params(2)) in notes[0], notes
    assert np.array_equal(net_theta(at), flatten(build_model(LECTURE)))  # the default the notice names
    shown_matches_pytorch(at, LECTURE, "xor")
    assert "<img" not in " ".join(m.value for m in at.markdown)


@pytest.mark.parametrize("raw", ["XOR", "majority", "", ["and", "or"], "<b>x</b>", "a" * 5000])
def test_a_hostile_task_gets_a_notice_and_xor(raw):
    at = solve(task=raw)
    notes = [w.value for w in at.warning if w.icon == ":material/link_off:"]
    assert len(notes) == 1 and "`task`" in notes[0] and "xor" in notes[0], notes
    assert at.session_state["solve:task"] == "xor"


def test_a_theta_of_another_width_gets_a_notice():
    at = solve(theta=",".join(["1"] * 9), hidden="3")  # 9 values for 13 parameters
    notes = [w.value for w in at.warning if w.icon == ":material/link_off:"]
    assert len(notes) == 1 and "13" in notes[0]
    assert np.array_equal(net_theta(at), flatten(build_model(Config(hidden=3))))


def test_train_from_here_trains_from_the_hand_set_parameters():
    from xorcore import train

    at = solve(epochs="400")
    at.button(key="solve-start-zeros").click().run()
    at.segmented_control(key="solve-task").set_value("or").run()
    at.button(key="solve-train").click().run()
    assert not at.exception
    cfg = Config(epochs=400)
    hist = train(cfg, init=np.zeros(9, dtype=np.float32), task="or")
    _, start, task, shown = at.session_state["solve:run"]
    assert start == (0.0,) * 9 and task == "or"
    assert shown.final_loss == hist.final_loss and np.array_equal(shown.params, hist.params)
    text = " ".join(str(e.value) for e in [*at.success, *at.warning])
    assert loss_text(hist.final_loss) in text
    at.button(key="solve-train-use").click().run()
    assert np.array_equal(net_theta(at), hist.params[-1])


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_presentation_mode_is_two_slides_and_the_net_slide_judges_the_same(lang):
    at = app(PAGE, lang=lang, present="true")
    assert not at.exception
    assert on_screen(at, "slide-solve-one-line")
    to_slide(at, "solve", "two-lines")
    at.button(key="solve-start-hand").click().run()
    assert on_screen(at, "solve-verdict-learned")
    shown_matches_pytorch(at, LECTURE, "xor")


def test_a_wide_net_on_a_slide_folds_its_sliders():
    at = app(PAGE, present="true", hidden="8", epochs="100")
    to_slide(at, "solve", "two-lines")
    assert not at.exception
    assert len(at.expander) >= 1
    assert len([s for s in at.slider if str(s.key).startswith("solve-net-s-")]) == n_params(8)


def test_a_tiny_loss_is_written_with_its_exponent():
    """ReLU's hand-made net has a loss near 1e-11: written 6.9e-12-like, never 0.000000."""
    at = solve(activation="relu")
    at.button(key="solve-start-hand").click().run()
    cfg = Config(activation="relu")
    shown_matches_pytorch(at, cfg, "xor")
    loss = judge_net(cfg, net_theta(at), "xor").loss
    assert 0 < loss < 1e-3 and "e-" in loss_text(loss)
    assert not any("**0.000000**" in m.value for m in at.markdown)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_one_hidden_unit_has_no_hand_made_solution_and_identity_fails(lang):
    at = solve(lang, hidden="1")
    assert at.button(key="solve-start-hand").proto.disabled
    assert len(net_theta(at)) == n_params(1)
    shown_matches_pytorch(at, Config(hidden=1), "xor")
    at = solve(lang, activation="identity")
    at.button(key="solve-start-hand").click().run()
    assert on_screen(at, "solve-verdict-not-learned")  # a linear hidden layer: the whole net draws one line
    shown_matches_pytorch(at, Config(activation="identity"), "xor")


@pytest.mark.parametrize(("task", "can"), [("xor", False), ("xnor", False), ("and", True), ("or", True)])
def test_the_single_units_slide_title_says_what_training_found(task, can):
    from xorcore.text import t

    at = app(PAGE, present="true", task=task)
    assert not at.exception
    want = t("en", "sv_single_slide_can" if can else "sv_single_slide", task=task.upper())
    assert want in [h.value for h in at.subheader]
