"""AppTest of the Model and Forward Pass pages: no exception, no missing text, real numbers, charts."""

from __future__ import annotations

import json

import numpy as np
import pytest
from conftest import all_text, app, to_slide

from xorcore import ACTIVATIONS, Config, build_model, train
from xorcore import trace as trace_of
from xorcore.dead import dead_units
from xorcore.geometry import output_line_shown
from xorcore.losses import bce_terms
from xorcore.model import flatten, n_params, unflatten
from xorcore.text import t
from xorcore.views.diagram import EDGE_COLUMNS
from xorcore.views.planes import output_line_sentence

MODEL = "app_pages/model.py"
FORWARD = "app_pages/forward.py"
MARK = "⟦".encode()

# The lecture's cell 2 printout (seed 42, sigmoid, 2 hidden units), to 4 decimals.
LECTURE_Z1 = [[-0.1549, 0.1427], [0.4320, 0.7922], [0.3857, -0.0230], [0.9726, 0.6266]]
LECTURE_H1 = [[0.4613, 0.5356], [0.6063, 0.6883], [0.5952, 0.4943], [0.7256, 0.6517]]
LECTURE_Z2 = [0.6869, 0.7004, 0.6237, 0.6442]
LECTURE_Y_PRED = [0.6653, 0.6683, 0.6511, 0.6557]


def _nodes(node):
    """Every element of an AppTest tree, depth first."""
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _nodes(child)


def _no_missing_text(at) -> None:
    """No element (text, table, chart spec, DOT, widget label) shows a missing-key marker."""
    for node in _nodes(at._tree):
        proto = getattr(node, "proto", None)
        if proto is not None and hasattr(proto, "SerializeToString"):
            raw = proto.SerializeToString()  # chart specs are JSON: the marker may be \\u-escaped
            assert MARK not in raw and b"\\u27e6" not in raw.lower(), f"missing text key in {node.type}"
        value = getattr(node, "value", None)
        if isinstance(value, str):
            assert "⟦" not in value


def _is_korean(text: str) -> bool:
    """Whether text contains Hangul syllables."""
    return any("\uac00" <= ch <= "\ud7a3" for ch in text)


def _ok(at) -> None:
    assert not at.exception, [e.value for e in at.exception]
    _no_missing_text(at)


def _charts(at) -> list[dict]:
    """The Vega-Lite specs of the page's Altair charts."""
    return [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]


def _frame(at, first_col_header: str, contains: str):
    """The first dataframe having a column whose name contains `contains`."""
    for df in at.dataframe:
        v = df.value
        if any(contains in str(c) for c in v.columns):
            return v
        if any(contains in str(i) for i in v.index):  # turned (more units than fit across): units run down
            return v.T
    raise AssertionError(f"no table with a column like {contains!r} ({first_col_header})")


# ---------------------------------------------------------------- Model page

MODEL_CASES = [  # every activation at least once, both languages, hidden 1 and 8
    ("en", "sigmoid", 2),
    ("ko", "tanh", 1),
    ("en", "relu", 8),
    ("ko", "leaky_relu", 2),
    ("en", "identity", 3),
    ("ko", "sigmoid", 2),
]


@pytest.mark.parametrize(("lang", "activation", "hidden"), MODEL_CASES)
def test_model_page(lang, activation, hidden):
    at = app(MODEL, lang=lang, activation=activation, hidden=str(hidden))
    _ok(at)
    cfg = Config(activation=activation, hidden=hidden)
    hist = train(cfg)
    # Charts: XOR plane, activation plot, trained decision boundary; two diagrams (initial, trained).
    specs = _charts(at)
    assert len(specs) == 3
    assert len(at.get("graphviz_chart")) == 2
    for spec in specs:  # alt text in the current language
        assert _is_korean(spec["description"]) == (lang == "ko")
    # Parameter table: 4H+1 rows, the history's initial and trained values.
    table = at.dataframe[1].value
    assert len(table) == n_params(hidden) == 4 * hidden + 1
    np.testing.assert_allclose(table.iloc[:, 1].to_numpy(), hist.params[0], rtol=1e-6)
    np.testing.assert_allclose(table.iloc[:, 2].to_numpy(), hist.params[-1], rtol=1e-6)
    assert str(n_params(hidden)) in [m.value for m in at.metric]
    assert f"{hist.final_loss:.4f}" in [m.value for m in at.metric]
    # Trained predictions, and the code of this model.
    preds = at.dataframe[2].value
    np.testing.assert_allclose(preds.iloc[:, 3].to_numpy(), hist.final_pred, rtol=1e-6)
    np.testing.assert_allclose(preds.iloc[:, 2].to_numpy(), hist.pred[0], rtol=1e-6)
    assert f"nn.Linear(2, {hidden})" in at.code[0].value


def test_model_page_flags_dead_relu_units():
    cfg = Config(activation="relu", hidden=8)
    hist = train(cfg)
    dead0 = dead_units(hist.params[0], "relu", 8)
    assert any(dead0), "this seed has a unit dead from the start (the test needs one)"
    at = app(MODEL, activation="relu", hidden="8")
    _ok(at)
    dot_initial = at.get("graphviz_chart")[0].proto.spec
    assert dot_initial.count("\\ndead") == sum(dead0)
    names = ", ".join(f"h₁ ({i + 1})" for i, d in enumerate(dead0) if d)
    assert any(names in w.value for w in at.warning)
    # Seed 0 with two ReLU units: alive at the start, one dies during training (the lecture's failure).
    hist = train(Config(activation="relu", seed=0))
    assert not any(dead_units(hist.params[0], "relu", 2)) and any(dead_units(hist.params[-1], "relu", 2))
    at = app(MODEL, activation="relu", seed="0")
    _ok(at)
    initial, trained = (g.proto.spec for g in at.get("graphviz_chart"))
    assert "\\ndead" not in initial and trained.count("\\ndead") == 1
    assert any(t("en", "mp_dead_two") in w.value for w in at.warning)
    assert any("No hidden unit is dead" in i.value for i in at.info)
    # A unit with z1 > 0 somewhere is not flagged: under sigmoid nothing is.
    at = app(MODEL, activation="sigmoid", hidden="8")
    assert "\\ndead" not in at.get("graphviz_chart")[0].proto.spec


# ---------------------------------------------------------------- Forward page


def test_forward_page_shows_the_lecture_numbers():
    at = app(FORWARD)
    _ok(at)
    z1 = _frame(at, "z1", "z1").filter(like="z1").to_numpy()
    h1 = _frame(at, "h1", "h1").filter(like="h1").to_numpy()
    np.testing.assert_allclose(np.round(z1, 4), LECTURE_Z1, atol=1e-4)
    np.testing.assert_allclose(np.round(h1, 4), LECTURE_H1, atol=1e-4)
    z2_table = next(df.value for df in at.dataframe if "z2" in df.value.columns)
    np.testing.assert_allclose(np.round(z2_table["z2"].to_numpy(), 4), LECTURE_Z2, atol=1e-4)
    out = next(df.value for df in at.dataframe if "z2" in df.value.columns and df.value.shape[1] > 4)
    np.testing.assert_allclose(np.round(out.iloc[:, 3].to_numpy(), 4), LECTURE_Y_PRED, atol=1e-4)
    assert "0.7482" in [m.value for m in at.metric]
    latex = " ".join(x.value for x in at.latex)
    for v in ("-0.1549", "0.7922", "0.4613", "0.6869", "0.6653", "= 0.7482"):
        assert v in latex
    # Charts: input plane + one picture per step.
    assert len(_charts(at)) == 1 + 5
    assert any("cell 2" in s.value for s in at.success)


@pytest.mark.parametrize(
    ("lang", "activation", "hidden"),
    [("ko", "sigmoid", 2), ("en", "tanh", 1), ("ko", "relu", 8), ("en", "leaky_relu", 3), ("ko", "identity", 2)],
)
def test_forward_page_any_setting(lang, activation, hidden):
    at = app(FORWARD, lang=lang, activation=activation, hidden=str(hidden), seed="7")
    _ok(at)
    trace = trace_of(build_model(Config(seed=7, activation=activation, hidden=hidden)))
    h1 = _frame(at, "h1", "h1 (").filter(like="h1 (").to_numpy()
    np.testing.assert_allclose(h1, trace.h1, rtol=1e-6, atol=1e-7)
    assert f"{trace.loss:.4f}" in [m.value for m in at.metric]
    assert len(_charts(at)) == 6
    # Not the lecture's settings: the page says so instead of claiming the lecture's numbers.
    assert not at.success and at.info


def test_forward_page_one_row():
    at = app(FORWARD)
    at.segmented_control(key="fw_rows").set_value(3).run()
    _ok(at)
    tables = [df.value for df in at.dataframe]
    assert tables and all(len(t) == 1 for t in tables)
    latex = " ".join(x.value for x in at.latex)
    assert r"z_1^{(4)} = x^{(4)} W_1^{\top} + b_1" in latex  # one input: a row, input index as a superscript
    assert r"\ell_{4}" in latex and "= 0.7482" in latex  # the row's term, then the batch loss
    trace = trace_of(build_model(Config()))
    assert f"{bce_terms(trace.y_pred[:, 0])[3]:.4f}" in [m.value for m in at.metric]


def test_forward_page_hidden_units_choice():
    at = app(FORWARD, hidden="8")
    at.selectbox(key="fw_ua_8").set_value(2).run()
    at.selectbox(key="fw_ub_8_2").set_value(5).run()
    _ok(at)
    specs = _charts(at)
    h1_spec = specs[2]  # the h1 plane of step 2 (after the input plane and the z1 plane)
    assert h1_spec["title"]["subtitle"] == ["Hidden units 3 and 6 of 8."]  # step 2: no output line yet
    assert specs[3]["title"]["subtitle"] == ["Hidden units 3 and 6 of 8.", "Output line: other units at their mean."]
    assert "other units at their mean over the four inputs" in specs[3]["description"]
    assert [s["layer"][0]["encoding"]["x"]["axis"]["title"] for s in specs[1:4]] == [
        "z1, unit 3", "h1, unit 3", "h1, unit 3"
    ]  # fmt: skip


def test_forward_slides_one_at_a_time():
    at = app(FORWARD, present="true")
    _ok(at)
    assert len(_charts(at)) == 1  # step 1's plane only
    assert at.get_by_key("step-forward-1") is not None
    to_slide(at, "forward", "step-2")
    _ok(at)
    assert len(_charts(at)) == 1 and at.get_by_key("step-forward-2") is not None
    assert at.expander, "the long explanation sits folded on a slide"


def test_model_slides_and_reading_mode():
    at = app("app_pages/model.py", present="true")
    _ok(at)
    assert len(at.get("vega_lite_chart")) == 1  # the XOR plane
    to_slide(at, "model", "network")
    assert len(at.get("graphviz_chart")) == 2  # initial and trained
    to_slide(at, "model", "activation")
    _ok(at)
    at.button(key="slide-next").click().run()  # past the activation: the next page of the talk, Solve it yourself
    assert at.get_by_key("slide-solve-one-line") is not None


# ---------------------------------------------------------------- text true for the activation, the width, the weights


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_forward_text_follows_the_activation(lang, activation):
    at = app("app_pages/forward.py", lang=lang, activation=activation)
    assert not at.exception, [e.value for e in at.exception]
    cfg = at.session_state["config"]
    flat = flatten(build_model(cfg))
    infos = [i.value for i in at.info]
    assert t(lang, f"story_activation_{activation}") in infos
    assert t(lang, "story_linear2_identity" if activation == "identity" else "story_linear2") in infos
    text = "\n".join(m.value for m in at.markdown)
    assert t(lang, f"fw_more2_{activation}") in text
    # step 3 says whether z2 = 0 is drawn, as the chart itself decides
    drawn = output_line_shown(flat, activation, cfg.hidden)
    assert output_line_sentence(flat, activation, cfg.hidden, lang) in text
    specs = "".join(c.proto.spec for c in at.get("vega_lite_chart"))
    assert (json.dumps(t(lang, "ch_out_line"))[1:-1] in specs) == drawn
    words = text + "\n".join(infos) + "\n".join(c.value for c in at.caption)
    if activation == "identity":  # nothing bends anywhere on the page
        assert t(lang, "fw_train_identity") in text and t(lang, "fw_train_bent") not in text
        for bent in ("bends the space smoothly", "activation bends the grid", "bent space") if lang == "en" else (
            "부드럽게 휘게", "휘어진 공간"):  # fmt: skip
            assert bent not in words, bent
    if activation == "relu" and lang == "en":
        assert "bends the space smoothly" not in words and "folds the plane" not in words
    assert ("non-linear step" not in words) and ("유일한 비선형 단계" not in words)


def test_lecture_h1_plane_says_the_line_is_outside():
    """At the lecture's settings z2 = 0 misses the h1 plot: the text says so and draws no green line."""
    flat = flatten(build_model(Config()))
    assert not output_line_shown(flat, "sigmoid", 2)
    at = app("app_pages/forward.py")
    text = "\n".join(m.value for m in at.markdown)
    assert t("en", "ch_h1_line_outside") in text and t("en", "ch_h1_line_drawn") not in all_text(at)


@pytest.mark.parametrize("hidden", [1, 8])
def test_forward_text_for_one_and_many_units(hidden):
    at = app("app_pages/forward.py", hidden=str(hidden), activation="relu", seed="0")
    assert not at.exception
    text = "\n".join(m.value for m in at.markdown)
    assert (t("en", "fw_more3_one") in text) == (hidden == 1)
    flat = flatten(build_model(Config(seed=0, activation="relu", hidden=hidden)))
    assert output_line_sentence(flat, "relu", hidden, "en") in text


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize(("hidden", "small"), [(1, False), (2, False), (3, True), (8, True)])
def test_model_network_slide_is_compact_for_a_wide_net(lang, hidden, small):
    """On a slide a net wider than the lecture's 2 units is drawn without edge labels, its numbers in a table; the text says so."""
    at = to_slide(app("app_pages/model.py", present="true", hidden=str(hidden), lang=lang), "model", "network")
    _ok(at)
    tables = [d.value for d in at.dataframe if list(d.value.columns) == list(EDGE_COLUMNS)]
    assert len(tables) == (2 if small else 0)  # initial and trained
    captions = [c.value for c in at.caption]
    assert t(lang, "mp_diagram_caption_compact" if small else "mp_diagram_caption") in captions
    dots = [g.proto.spec for g in at.get("graphviz_chart")]
    assert len(dots) == 2 and all(('[label="' in d.split("->", 1)[1]) != small for d in dots)
    if small:
        cfg = at.session_state["config"]
        w1 = unflatten(flatten(build_model(cfg)), hidden)["W1"]  # the initial tab: this seed's untrained model
        assert tables[0].iloc[:, 0].tolist() == w1[:, 0].tolist()
