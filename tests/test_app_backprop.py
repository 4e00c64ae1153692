"""The Backprop page in AppTest: the lecture's numbers, both languages, every activation, rows, slides, manual steps."""

from __future__ import annotations

import itertools
import json

import numpy as np
import pytest
from conftest import all_text, app, on_screen, to_slide
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df

from xorcore import ACTIVATIONS, LECTURE, Config, build_model, manual_step
from xorcore import trace as trace_of
from xorcore.backprop_rows import STEPS, row_share
from xorcore.losses import n_clamped
from xorcore.text import t
from xorcore.trace import loss_of
from xorcore.views.diagram import EDGE_COLUMNS

PAGE = "app_pages/backprop.py"
NAMES = ["dL/dy_pred", "dL/dz2", "dL/dW2", "dL/db2", "dL/dh1", "dL/dz1", "dL/dW1", "dL/db1"]


def page(lang: str = "en", **params: str):
    """The Backprop page after a run, checked for exceptions."""
    at = app(PAGE, lang=lang, **params)
    assert not at.exception, [e.value for e in at.exception]
    return at


def grad_tables(at) -> dict[str, tuple]:
    """(autograd, by hand) DataFrames of each shown gradient, by step (two tables per step, in order)."""
    n = sum(". " in s.value and s.value.split(". ")[1].split(" ")[0] in NAMES for s in at.subheader)
    return {STEPS[k]: (at.dataframe[2 * k].value, at.dataframe[2 * k + 1].value) for k in range(n)}


def gradient_headers(at) -> list[str]:
    return [n_hidden.value for n_hidden in at.subheader if any(f". {n} " in n_hidden.value for n in NAMES)]


def test_lecture_numbers_all_appear():
    at = page()
    heads = gradient_headers(at)
    assert [n_hidden.split(" ")[1] for n_hidden in heads] == NAMES  # revealed backwards, dL/dz2 named so
    g = grad_tables(at)
    lecture = {  # the lecture's cell-2 printout (z2.grad, dL/dW2, the start of dL/dh1)
        "d_z2": [[0.16632186], [-0.08292854], [-0.08723629], [0.16392432]],
        "d_W2": [[0.0934708, 0.09571788]],
    }
    for step, want in lecture.items():
        for df in g[step]:
            np.testing.assert_allclose(df.to_numpy(dtype=float), want, atol=1e-6)
    trace = trace_of(build_model(LECTURE))
    for step in STEPS:  # everything, including what the printout cut off: dL/dh1 in full, dL/dW1
        for df in g[step]:
            np.testing.assert_allclose(df.to_numpy(dtype=float), np.atleast_2d(getattr(trace.grads, step)), atol=1e-6)
    np.testing.assert_allclose(g["d_h1"][0].iloc[0].to_numpy(dtype=float), [-0.05725771, 0.06906874], atol=1e-7)
    latex = "\n".join(x.value for x in at.latex)
    assert "0.166322" in latex and "-0.082929" in latex and "0.093471 & 0.095718" in latex
    assert "0.746910" in latex  # dL/dy_pred is shown too
    text = all_text(at)
    assert "z2.grad" in text and "dL/dy_pred" in text  # the kind note about the lecture's label
    assert "0.7482" in at.metric[0].value
    graph, net, _local = (g.proto.spec for g in graphs(at))  # _local: local x upstream (test_app_beyond)
    assert "op_bce" in graph and "L = 0.7482" in graph and "(0,0): 0.1663" in graph  # computation graph
    assert 'label="0.0935"' in net and 'label="0.1601"' in net  # dL/dW2[0], dL/db2 on the network's edges


def test_autograd_equals_by_hand_and_finite_differences_agree():
    at = page()
    diffs = [float(m.value) for m in at.metric if m.label == "largest |autograd − by hand|"]
    assert len(diffs) == 8 and max(diffs) < 1e-6
    fd = at.dataframe[16].value
    assert len(fd) == 9 and list(fd.columns) == ["parameter", "central difference", "autograd", "|difference|"]
    np.testing.assert_allclose(fd["central difference"], fd["autograd"], atol=1e-6)
    assert fd["parameter"].tolist()[:2] == ["W1[0,0]", "W1[0,1]"]


def test_weights_only_step_reproduces_the_lecture_update():
    at = page()
    at.pills(key="bp_biases").set_value(None).run()
    assert not at.exception
    model = build_model(LECTURE)
    trace = trace_of(model)
    want_w1 = trace.W1 - 0.1 * trace.by_hand.d_W1  # the lecture: layer1.weight -= lr * grad, biases untouched
    want_w2 = trace.W2 - 0.1 * trace.by_hand.d_W2
    w1, w2 = at.dataframe[18].value.to_numpy(dtype=float), at.dataframe[19].value.to_numpy(dtype=float)
    np.testing.assert_allclose(w1, want_w1, atol=1e-6)
    np.testing.assert_allclose(w2, want_w2, atol=1e-6)
    np.testing.assert_allclose(w1, [[0.5410, 0.5873], [-0.1663, 0.6487]], atol=5e-5)  # as torch prints them
    np.testing.assert_allclose(w2, [[-0.3536, 0.4057]], atol=5e-5)
    table = at.dataframe[17].value
    b = table[table["parameter"].str.startswith("b")]
    np.testing.assert_array_equal(b["before"], b["after"])  # biases kept
    assert any("Updated Layer" in s.value for s in at.success)
    after = loss_of(manual_step(model, 0.1, biases=False))
    assert f"{after:.6f}" in [m.value for m in at.metric]


def test_default_step_updates_biases_too():
    at = page()
    table = at.dataframe[17].value
    assert (table["before"] != table["after"]).all()
    want = loss_of(manual_step(build_model(LECTURE), 0.1, biases=True))
    assert f"{want:.6f}" in [m.value for m in at.metric]
    assert not at.success  # the lecture-match note is only for the weights-only step


def test_take_another_step_lowers_the_loss_and_settings_reset_it():
    at = page()
    for _ in range(3):
        at.button(key="bp_another").click().run()
    assert not at.exception
    losses = at.session_state["bp_walk"]["losses"]
    assert len(losses) == 5
    assert all(b < a for a, b in itertools.pairwise(losses))
    assert any("Steps taken: 4" in m.value for m in at.markdown)
    model = build_model(LECTURE)
    for _ in range(4):
        model = manual_step(model, 0.1)
    assert losses[-1] == pytest.approx(loss_of(model), abs=1e-7)
    charts = at.get("vega_lite_chart")
    assert len(charts) == 7  # the inputs' shares, the walk's losses, the loss slice and 4 planes (test_app_beyond)
    charts = charts[1:2]
    chart = json.loads(charts[0].proto.spec)
    assert chart["encoding"]["y"]["title"] == "loss L (BCE)" and chart["description"].startswith("Line chart")
    data = convert_arrow_bytes_to_pandas_df(charts[0].proto.datasets[0].data.data)
    assert data["step"].tolist() == [0, 1, 2, 3, 4]
    np.testing.assert_allclose(data["loss"], losses, atol=1e-7)  # the chart plots the walk's losses
    at.button(key="bp_restart").click().run()
    assert len(at.session_state["bp_walk"]["losses"]) == 2
    at.button(key="bp_another").click().run()
    at.sidebar.number_input(key="seed").set_value(7).run()  # a new config starts a new walk
    assert not at.exception
    assert len(at.session_state["bp_walk"]["losses"]) == 2
    assert at.session_state["bp_walk"]["losses"][0] == pytest.approx(trace_of(build_model(Config(seed=7))).loss)


@pytest.mark.parametrize("eta", [0.0, -0.5])
def test_bad_step_size_gets_a_message(eta):
    at = page()
    at.number_input(key="bp_eta").set_value(eta).run()
    assert not at.exception
    assert any("must be a positive number" in e.value for e in at.error)


def test_huge_step_size_says_it_diverged():
    at = page(lang="ko")
    at.number_input(key="bp_eta").set_value(1e40).run()
    assert not at.exception
    assert any("NaN" in e.value for e in at.error)
    assert at.button(key="bp_another").disabled
    at.number_input(key="bp_eta").set_value(50.0).run()  # finite but too big: the loss goes up
    assert not at.exception
    assert any("loss가 오히려 커졌습니다" in w.value for w in at.warning)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_loss_at_the_log_clamp_is_named(lang):
    """eta = 10,000 puts two predictions exactly on the wrong 0/1: BCELoss's clamp gives 50, and the page says so."""
    pred = trace_of(manual_step(build_model(Config()), 10_000.0)).y_pred
    y = np.array([0, 1, 1, 0])
    wrong = int((((pred[:, 0] == 0) & (y == 1)) | ((pred[:, 0] == 1) & (y == 0))).sum())
    assert wrong == n_clamped(pred) == 2
    at = page(lang=lang)
    at.number_input(key="bp_eta").set_value(10_000.0).run()
    assert not at.exception
    assert t(lang, "bp_clamp", k=2, loss="50.000000") in [w.value for w in at.warning]
    at.number_input(key="bp_eta").set_value(0.1).run()
    assert not any(w.value.startswith(t(lang, "bp_clamp", k=2, loss="")[:12]) for w in at.warning)


def graphs(at) -> list:
    """The Graphviz charts on screen other than the steps' network pictures (views.flow, tests/test_app_flow.py)."""
    return [g for g in at.get("graphviz_chart") if not g.proto.spec.startswith("digraph flow")]


def test_presentation_mode_shows_one_step_at_a_time():
    at = page(present="true")
    assert [n_hidden.split(" ")[1] for n_hidden in gradient_headers(at)] == ["dL/dy_pred"]
    to_slide(at, "backprop", "step-3")
    assert [n_hidden.split(" ")[1] for n_hidden in gradient_headers(at)] == ["dL/dW2"]
    assert at.get_by_key("step-backprop-3") is not None
    assert not graphs(at), "a gradient slide has no computation graph (unreadable at its size)"
    to_slide(at, "backprop", "network")  # after steps 4..8
    assert not gradient_headers(at) and len(graphs(at)) == 1
    assert to_slide(at, "backprop", "shares").get_by_key("grad-shares") is not None
    assert to_slide(at, "backprop", "local-upstream").get_by_key("local-upstream") is not None
    to_slide(at, "backprop", "finite-differences")
    assert [m.label for m in at.metric] == ["largest difference"]
    to_slide(at, "backprop", "update")
    assert at.number_input(key="bp_eta").value == 0.1
    assert not at.exception
    at.button(key="slide-prev").click().run()
    assert not at.exception and on_screen(at, "slide-backprop-finite-differences")


@pytest.mark.parametrize("row", [0, 3])
def test_single_row_shows_that_row_and_its_share(row):
    at = page()
    at.segmented_control(key="bp_rows").set_value(row).run()
    assert not at.exception
    model = build_model(LECTURE)
    trace = trace_of(model)
    share = row_share(trace.grads, trace, row)
    g = grad_tables(at)
    assert len(g) == 8
    for step in STEPS:
        for df in g[step]:
            np.testing.assert_allclose(df.to_numpy(dtype=float), np.atleast_2d(getattr(share, step)), atol=1e-6)
    np.testing.assert_allclose(g["d_z2"][0].to_numpy(dtype=float), trace.d_z2[row : row + 1], atol=1e-7)
    assert "still the mean over all four rows" in all_text(at)
    latex = "\n".join(x.value for x in at.latex)
    assert f"{trace.d_z2[row, 0]:.6f}" in latex
    diffs = [float(m.value) for m in at.metric if m.label == "largest |autograd − by hand|"]
    assert max(diffs) < 1e-6


@pytest.mark.parametrize(
    ("activation", "lang"),
    [("sigmoid", "ko"), ("tanh", "en"), ("relu", "ko"), ("leaky_relu", "en"), ("identity", "ko")],
)
def test_every_activation_in_both_languages(activation, lang):
    assert activation in ACTIVATIONS
    at = page(lang=lang, activation=activation)
    text = all_text(at)
    assert "⟦" not in text and "\\u27e6" not in text
    assert at.title[0].value == ("역전파" if lang == "ko" else "Backprop")
    assert len(gradient_headers(at)) == 8
    diffs = [
        float(m.value) for m in at.metric if m.label in ("largest |autograd − by hand|", "최대 |autograd − 손 계산|")
    ]
    assert len(diffs) == 8 and max(diffs) < 1e-6
    assert len(graphs(at)) == 3  # the computation graph, the network with gradients, local x upstream
    trace = trace_of(build_model(Config(activation=activation)))
    np.testing.assert_allclose(grad_tables(at)["d_z1"][0].to_numpy(dtype=float), trace.d_z1, atol=1e-6)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_no_missing_text_in_any_mode(lang):
    at = page(lang=lang)
    at.segmented_control(key="bp_rows").set_value(1).run()
    at.pills(key="bp_biases").set_value(None).run()
    at.button(key="bp_another").click().run()
    at.number_input(key="bp_eta").set_value(-1.0).run()
    assert "⟦" not in all_text(at)
    at.toggle(key="present").set_value(True).run()  # one slide at a time
    assert not at.exception
    text = all_text(at)
    assert "⟦" not in text and "\\u27e6" not in text


@pytest.mark.parametrize("hidden", ["1", "3"])
def test_other_widths(hidden):
    at = page(hidden=hidden, activation="relu")
    n_hidden = int(hidden)
    g = grad_tables(at)
    assert g["d_W1"][0].shape == (n_hidden, 2) and g["d_h1"][0].shape == (4, n_hidden)
    fd = at.dataframe[16].value
    assert len(fd) == 4 * n_hidden + 1
    trace = trace_of(build_model(Config(hidden=n_hidden, activation="relu")))
    np.testing.assert_allclose(g["d_W1"][0].to_numpy(dtype=float), trace.d_W1, atol=1e-6)
    at.segmented_control(key="bp_rows").set_value(2).run()
    assert not at.exception


def test_dead_relu_unit_is_named_and_gets_no_gradient():
    at = page(activation="relu", seed="1")  # seed 1: hidden unit 1 has z1 <= 0 for all four inputs
    assert any("h₁" in w.value and "z₁ ≤ 0" in w.value for w in at.warning)
    w1 = grad_tables(at)["d_W1"][0].to_numpy(dtype=float)
    np.testing.assert_array_equal(w1[0], [0.0, 0.0])
    assert "dead" in graphs(at)[1].proto.spec


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_network_gradients_slide_is_compact_for_a_wide_net(lang):
    """The network slide at 3 units: the diagram without edge labels, every dL/dθ in the table beside it, equal to autograd."""
    at = to_slide(page(lang, present="true", hidden="3"), "backprop", "network")
    assert not at.exception
    tables = [d.value for d in at.dataframe if list(d.value.columns) == list(EDGE_COLUMNS)]
    assert len(tables) == 1
    assert any(c.value.startswith(t(lang, "bp_network_caption_compact", which="")[:8]) for c in at.caption)
    tr = trace_of(build_model(at.session_state["config"]))
    assert tables[0].iloc[:, 3].tolist() == np.ravel(tr.d_W2).tolist()  # the output weights' gradients, exactly
    assert '[label="' not in graphs(at)[0].proto.spec.split("->", 1)[1]
