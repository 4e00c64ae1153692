"""The shared sidebar: URL-bound settings, notices for bad links, reset, language."""

from __future__ import annotations

import pytest
from conftest import app

from xorcore import LECTURE, Config


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
    at.switch_page("app_pages/3_backprop.py").run()
    assert at.session_state["config"].activation == "tanh"
    assert at.sidebar.selectbox(key="activation").value == "tanh"


def test_language_switch_changes_sidebar():
    at = app(lang="ko")
    assert at.sidebar.selectbox(key="activation").label == "은닉층 활성화 함수"
    at = app(lang="en")
    assert at.sidebar.selectbox(key="activation").label == "Hidden activation"


def test_next_after_last_step_opens_next_page_keeping_settings():
    at = app("app_pages/2_forward.py", lr="0.1", activation="tanh")
    at.segmented_control(key="fw_mode").set_value("step").run()
    for _ in range(4):
        at.button(key="fw_next").click().run()
    assert at.session_state["fw_pos"] == 5
    at.button(key="fw_next").click().run()  # past the last step: the Backprop page
    assert not at.exception
    assert at.title[0].value == "Backprop"
    assert at.session_state["config"] == Config(activation="tanh", lr=0.1)


def test_reveal_mode_carries_over_to_the_next_page():
    at = app("app_pages/2_forward.py")
    at.segmented_control(key="fw_mode").set_value("step").run()
    for _ in range(5):
        at.button(key="fw_next").click().run()
    assert at.segmented_control(key="bp_mode").value == "step"
    assert at.session_state["bp_pos"] == 1
