"""The shared sidebar: URL-bound settings, notices for bad links, reset, language."""

from __future__ import annotations

import pytest
from conftest import app, to_slide

from xorcore import ACTIVATIONS, LECTURE, OPTIMIZERS, Config
from xorcore.text import t


def link_notices(at) -> list[str]:
    """The sidebar's notices about link values (pages have warnings of their own)."""
    return [w.value for w in at.warning if w.icon == ":material/link_off:"]


def test_defaults_are_the_lecture():
    at = app()
    assert not at.exception
    assert at.session_state["config"] == LECTURE
    assert not link_notices(at)


def test_url_sets_every_field():
    at = app(seed="7", activation="tanh", optimizer="sgd", lr="0.1", epochs="300", hidden="3")
    assert at.session_state["config"] == Config(7, "tanh", "sgd", 0.1, 300, 3)
    assert not link_notices(at)


@pytest.mark.parametrize(
    ("key", "value"),
    [("seed", "abc"), ("seed", "-5"), ("seed", "inf"), ("seed", "1.5"), ("epochs", "1e309"), ("lr", "0.3"), ("lr", "nan"), ("epochs", "1e9"), ("hidden", "99"),
     ("activation", "gelu"), ("optimizer", "<script>alert(1)</script>")],
)  # fmt: skip
def test_bad_url_value_gets_notice_and_default(key, value):
    at = app(**{key: value})
    assert not at.exception
    assert at.session_state["config"] == LECTURE
    notices = link_notices(at)
    assert any(f"`{key}`" in n for n in notices), notices
    assert all(value not in n for n in notices), "the raw value is never echoed"


def test_unknown_param_is_named():
    at = app(color="red")
    assert any("`color`" in n for n in link_notices(at))


def test_reset_restores_lecture():
    at = app(activation="relu", lr="0.5")
    assert at.session_state["config"].activation == "relu"
    at.sidebar.button[0].click().run()
    assert at.session_state["config"] == LECTURE


def test_settings_survive_page_switch():
    at = app(activation="tanh")
    at.switch_page("app_pages/backprop.py").run()
    assert at.session_state["config"].activation == "tanh"
    assert at.sidebar.selectbox(key="activation").value == "tanh"


def test_language_switch_changes_sidebar():
    at = app(lang="ko")
    assert at.sidebar.selectbox(key="activation").label == "은닉층 활성화 함수"
    at = app(lang="en")
    assert at.sidebar.selectbox(key="activation").label == "Hidden activation"


def link(at) -> dict[str, str]:
    """The URL's parameters as the app left them (AppTest keeps a list for a value the test set)."""
    return {k: v if isinstance(v, str) else v[-1] for k, v in at.query_params.items()}


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_sidebar_shows_readable_names_and_the_link_carries_code_names(lang):
    """The selectboxes show act_<name> / opt_<name> in the sidebar's language; the URL keeps code names."""
    at = app(lang=lang)
    act, opt = at.sidebar.selectbox(key="activation"), at.sidebar.selectbox(key="optimizer")
    assert act.options == [t(lang, f"act_{a}") for a in ACTIVATIONS]
    assert opt.options == [t(lang, f"opt_{o}") for o in OPTIMIZERS]
    assert "leaky_relu" not in act.options and "rmsprop" not in opt.options
    act.set_value("leaky_relu").run()
    at.sidebar.selectbox(key="optimizer").set_value("momentum").run()
    assert not at.exception
    assert at.session_state["config"] == Config(activation="leaky_relu", optimizer="momentum")
    assert link(at).get("activation") == "leaky_relu" and link(at).get("optimizer") == "momentum"
    at.sidebar.selectbox(key="optimizer").set_value("adam").run()  # back to the default: out of the link
    assert "optimizer" not in link(at) and link(at).get("activation") == "leaky_relu"


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_old_link_with_code_names_opens_those_settings(lang):
    at = app(lang=lang, activation="leaky_relu", optimizer="rmsprop", seed="52")
    assert not at.exception and not link_notices(at)
    assert at.session_state["config"] == Config(seed=52, activation="leaky_relu", optimizer="rmsprop")
    assert at.sidebar.selectbox(key="activation").value == "leaky_relu"
    assert at.sidebar.selectbox(key="optimizer").value == "rmsprop"
    assert link(at).get("activation") == "leaky_relu" and link(at).get("optimizer") == "rmsprop"


def test_a_readable_name_in_a_link_is_not_a_value():
    """One schema (parse_field) decides what a link value means: the shown name is not one."""
    at = app(activation="leaky ReLU", optimizer="SGD + momentum (0.9)")
    assert at.session_state["config"] == LECTURE
    assert any("`activation`" in n for n in link_notices(at)) and any("`optimizer`" in n for n in link_notices(at))


def test_named_settings_survive_slides_crossing_pages_and_reset():
    at = app("app_pages/training.py", present="true", activation="relu", optimizer="sgd")
    at.button(key="slide-prev").click().run()  # st.switch_page to the Loop, which drops unbound parameters
    assert not at.exception
    assert at.session_state["config"] == Config(activation="relu", optimizer="sgd")
    assert link(at).get("activation") == "relu" and link(at).get("optimizer") == "sgd"
    at.sidebar.button[0].click().run()  # reset
    assert at.session_state["config"] == LECTURE
    assert "activation" not in link(at) and "optimizer" not in link(at)


def counter(at) -> str:
    """The presentation mode's counter, e.g. 'Backprop · slide 1 of 15'."""
    return next(m.value for m in at.markdown if " · " in m.value and ("slide" in m.value or "슬라이드" in m.value))


def test_next_after_last_slide_opens_next_page_keeping_settings():
    at = app("app_pages/forward.py", present="true", lr="0.1", activation="tanh")
    assert counter(at) == "**Forward Pass · slide 1 of 5**"
    to_slide(at, "forward", "step-5")
    assert counter(at) == "**Forward Pass · slide 5 of 5**"
    assert at.get_by_key("step-forward-5") is not None
    at.button(key="slide-next").click().run()  # past the last slide: the Backprop page at its first
    assert not at.exception
    assert counter(at).startswith("**Backprop · slide 1 of ")  # the deck's length is Backprop's own
    assert at.session_state["config"] == Config(activation="tanh", lr=0.1)
    assert at.toggle(key="present").value is True


def test_previous_before_first_slide_opens_previous_page_at_its_last():
    at = app("app_pages/training.py", present="true")
    assert counter(at) == "**Training Curve · slide 1 of 1**"
    at.button(key="slide-prev").click().run()
    assert not at.exception
    assert counter(at) == "**The Loop · slide 2 of 2**"
    at.switch_page("app_pages/loop.py").run()  # AppTest's next run is of its own page: go there, still slide 2
    assert counter(at) == "**The Loop · slide 2 of 2**"
    at.button(key="slide-left").click().run()  # the arrow-key twin does the same as PageUp
    assert counter(at) == "**The Loop · slide 1 of 2**"
    at.button(key="slide-right").click().run()
    assert counter(at) == "**The Loop · slide 2 of 2**"


def test_reading_mode_has_no_slide_controls():
    at = app("app_pages/forward.py")
    assert at.toggle(key="present").value is False
    assert not [b for b in at.button if b.key and b.key.startswith("slide-")]
    assert len([h for h in at.header if "·" in h.value]) >= 5  # every step of the pass at once


@pytest.mark.parametrize(("value", "present"), [("true", True), ("TRUE", True), ("false", False)])
def test_present_param(value, present):
    at = app(present=value)
    assert not at.exception and not link_notices(at)
    assert at.toggle(key="present").value is present


def test_bad_present_param_gets_notice():
    at = app(present="yes")
    assert not at.exception
    assert any("`present`" in n for n in link_notices(at))
    assert at.toggle(key="present").value is False


def test_link_notice_goes_when_its_setting_changes():
    at = app(seed="abc", color="red")
    assert len(link_notices(at)) == 2
    at.sidebar.number_input(key="seed").set_value(5).run()  # the seed notice ("using 42") would be stale
    notices = link_notices(at)
    assert len(notices) == 1 and "`color`" in notices[0]


def test_link_notices_are_dismissible():
    at = app(seed="abc")
    assert link_notices(at)
    at.button(key="url_notices_dismiss").click().run()
    assert not link_notices(at) and not at.exception
