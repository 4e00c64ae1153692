"""Chart builders: their data equals xorcore's numbers (trace, model predictions, finite differences)."""

from __future__ import annotations

import json

import altair as alt
import numpy as np
import pandas as pd
import pytest
import torch
from conftest import chart_frames

from xorcore import ACTIVATIONS, LECTURE, XOR_X, Config, build_model, train
from xorcore import trace as trace_of
from xorcore.geometry import axis_values, boundary_grid, contour_segments, output_line, warped_grid
from xorcore.model import flatten, load
from xorcore.text import LANGS, MISSING, t
from xorcore.views.activation import activation_chart, activation_data
from xorcore.views.boundary import decision_boundary
from xorcore.views.latex import latex_linear1, latex_loss, latex_output
from xorcore.views.planes import hidden_plane, output_axis, space_plane
from xorcore.views.points import xor_plane


def _points(chart) -> pd.DataFrame:
    """The four-point frame of a chart (the one with a target column and 4 rows)."""
    frames = [f for f in chart_frames(chart) if "target" in f.columns and len(f) == 4]
    assert frames, "the chart draws the four points"
    return frames[0]


def _model(**kw):
    """A freshly initialised model of Config(**kw)."""
    return build_model(Config(**kw))


def _torch_pred(model, pts: np.ndarray) -> np.ndarray:
    with torch.no_grad():
        return model(torch.tensor(pts, dtype=torch.float32)).numpy()[:, 0]


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_boundary_corners_equal_model_predictions(activation):
    model = _model(activation=activation, seed=3, hidden=3)
    grid = boundary_grid(flatten(model), activation, 3)
    assert len(grid) >= 60 * 60
    corners = grid.set_index(["x1", "x2"]).y_pred
    want = _torch_pred(model, XOR_X.numpy())
    got = np.array([corners.loc[(float(a), float(b))] for a, b in XOR_X.numpy()])
    np.testing.assert_allclose(got, want, atol=1e-6)
    # The chart's heatmap layer carries exactly this grid.
    chart = decision_boundary(flatten(model), activation, 3, "en")
    heat = next(f for f in chart_frames(chart) if "y_pred" in f.columns)
    np.testing.assert_allclose(heat.y_pred.to_numpy(), grid.y_pred.to_numpy())


def test_boundary_contour_is_at_one_half():
    cfg = LECTURE
    hist = train(cfg)  # the trained lecture net: its boundary crosses the plane
    flat = hist.params[-1]
    segs = contour_segments(*(axis_values(80),) * 2, boundary_grid(flat, "sigmoid", 2)
                                   .y_pred.to_numpy().reshape(81, 81))  # fmt: skip
    assert len(segs) > 20  # the trained net's boundary crosses the plane
    ends = np.concatenate([segs[:, :2], segs[:, 2:]]).astype(np.float32)
    pred = _torch_pred(load(cfg, flat), ends)
    assert np.abs(pred - 0.5).max() < 0.02  # linear interpolation on a 0.025 grid


@pytest.mark.parametrize(("activation", "hidden", "units"), [("sigmoid", 2, (0, 1)), ("relu", 8, (2, 5)),
                                                             ("tanh", 3, (2, 0))])  # fmt: skip
def test_hidden_plane_points_and_grid_equal_trace(activation, hidden, units):
    model = _model(activation=activation, hidden=hidden, seed=7)
    trace = trace_of(model)
    chart = hidden_plane(flatten(model), activation, hidden, "en", units)
    pts = _points(chart)
    np.testing.assert_allclose(pts[["a", "b"]].to_numpy(), trace.h1[:, list(units)], atol=1e-5)
    grid = warped_grid(flatten(model), activation, hidden, "h1", units)
    for (x1, x2), hist in zip(XOR_X.numpy(), trace.h1, strict=True):
        at = grid[np.isclose(grid.x1, x1) & np.isclose(grid.x2, x2)]
        assert len(at) == 2  # the corner lies on one x1-line and one x2-line
        np.testing.assert_allclose(at[["a", "b"]].to_numpy(), np.tile(hist[list(units)], (2, 1)), atol=1e-5)


def test_output_line_matches_z2():
    model = _model(hidden=2)
    trace = trace_of(model)
    wa, wb, c = output_line(flatten(model), "sigmoid", 2)
    np.testing.assert_allclose(wa * trace.h1[:, 0] + wb * trace.h1[:, 1] + c, trace.z2[:, 0], atol=1e-5)
    # hidden > 2: the other units are held at their mean over the four inputs.
    model = _model(hidden=4, seed=1)
    trace = trace_of(model)
    wa, wb, c = output_line(flatten(model), "sigmoid", 4, (1, 3))
    held = trace.h1.copy()
    held[:, [0, 2]] = trace.h1[:, [0, 2]].mean(0)
    np.testing.assert_allclose(
        wa * trace.h1[:, 1] + wb * trace.h1[:, 3] + c, held @ trace.W2[0] + trace.b2[0], atol=1e-5
    )


def test_z1_plane_is_trace_z1_and_one_unit_against_zero():
    model = _model()
    trace = trace_of(model)
    np.testing.assert_allclose(_points(space_plane(flatten(model), "sigmoid", 2, "en", "z1")
                                       )[["a", "b"]].to_numpy(), trace.z1, atol=1e-5)  # fmt: skip
    model = _model(hidden=1)
    pts = _points(hidden_plane(flatten(model), "sigmoid", 1, "en"))
    np.testing.assert_allclose(pts.a.to_numpy(), trace_of(model).h1[:, 0], atol=1e-6)
    assert (pts.b == 0).all()


def test_bad_units_raise():
    model = _model(hidden=3)
    with pytest.raises(ValueError, match="units"):
        hidden_plane(flatten(model), "sigmoid", 3, "en", (1, 1))
    with pytest.raises(ValueError, match="units"):
        hidden_plane(flatten(model), "sigmoid", 3, "en", (0, 3))


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_activation_derivative_matches_finite_differences(activation):
    data = activation_data(activation)
    eps = 1e-5
    z = data.z.to_numpy()
    z = z[np.abs(z) > 1e-3]  # ReLU kinks at 0
    from xorcore.model import act_grad_np, act_np

    fd = (act_np(activation, z + eps) - act_np(activation, z - eps)) / (2 * eps)
    np.testing.assert_allclose(act_grad_np(activation, z), fd, atol=1e-6)
    np.testing.assert_allclose(np.interp(z, data.z, data.df), fd, atol=1e-6)


def test_relu_chart_marks_dead_zone_and_others_do_not():
    spec = str(activation_chart("relu", "en").to_dict())
    assert "dead zone" in spec
    assert "dead zone" not in str(activation_chart("sigmoid", "en").to_dict())


def test_output_axis_points_are_y_pred():
    model = _model(activation="tanh")
    trace = trace_of(model)
    np.testing.assert_allclose(_points(output_axis(trace.y_pred, "en")).a.to_numpy(), trace.y_pred[:, 0])


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("hidden", [1, 2, 8])
def test_every_chart_serialises_with_text_and_description(lang, hidden):
    cfg = Config(hidden=hidden, activation="leaky_relu")
    model = build_model(cfg)
    flat = flatten(model)
    built = [
        decision_boundary(flat, cfg.activation, hidden, lang),
        hidden_plane(flat, cfg.activation, hidden, lang),
        space_plane(flat, cfg.activation, hidden, lang, "input"),
        space_plane(flat, cfg.activation, hidden, lang, "z1"),
        output_axis(trace_of(model).y_pred, lang),
        activation_chart(cfg.activation, lang),
        xor_plane(lang),
    ]
    with alt.data_transformers.disable_max_rows():
        for chart in built:
            spec = chart.to_dict()
            assert spec.get("description"), "every chart carries alt text"
            assert MISSING.split("{}")[0] not in str(spec), "no missing text key"


def test_diverged_parameters_draw_without_error():
    """NaN parameters: both planes still serialise, invent no value, and keep the four inputs in place."""
    flat = flatten(build_model(LECTURE)).copy()
    flat[:] = np.nan
    boundary = decision_boundary(flat, "sigmoid", 2, "en")
    heat, contour, *points = chart_frames(boundary)
    assert heat["y_pred"].isna().all() and contour.empty, "no prediction and no 0.5 line are made up"
    for p in points:
        np.testing.assert_array_equal(p[["a", "b"]].to_numpy(), XOR_X.numpy())
    hidden = hidden_plane(flat, "sigmoid", 2, "ko")
    frames = chart_frames(hidden)
    assert frames and all(f[["a", "b"]].isna().all().all() for f in frames), "no hidden value drawn as a number"
    with alt.data_transformers.disable_max_rows():
        assert boundary.to_dict()["description"] and hidden.to_dict()["description"]


def test_latex_numbers_are_the_trace_and_many_units_go_down():
    trace = trace_of(build_model(Config(hidden=8, seed=5)))
    l1 = latex_linear1(trace, [0, 1, 2, 3])
    assert l1.startswith(r"\begin{aligned}Z_1^{\top}")  # 8 units: transposed, result on a second line
    for v in trace.z1.ravel():
        assert f"{v:.4f}" in l1
    tr2 = trace_of(build_model(LECTURE))
    assert latex_linear1(tr2, [0, 1, 2, 3]).startswith(r"Z_1 = X W_1^{\top}")
    one = latex_output(tr2, [2])
    assert one.endswith(f"= {tr2.y_pred[2, 0]:.4f}")
    assert latex_loss(tr2, [0, 1, 2, 3])[-1].endswith(f"= {tr2.loss:.4f}")


def test_one_unit_threshold_is_in_view():
    model = build_model(Config(hidden=1))
    flat = flatten(model)
    w, _, c = output_line(flat, "sigmoid", 1)
    chart = hidden_plane(flat, "sigmoid", 1, "en")
    rules = [f for f in chart_frames(chart) if {"x", "x2", "what"} <= set(f.columns)]
    assert rules and np.isclose(rules[0].x.iloc[0], -c / w)  # a vertical line at h = -b2 / w


def test_heat_scale_is_the_palettes_three_colours_in_hcl():
    """y_pred's colours: the palette's three colours at 0, 0.5 and 1, mixed in HCL (as Vega draws them)."""
    from xorcore import palette
    from xorcore.views.boundary import HEAT_DOMAIN, heat_scale

    scale = heat_scale().to_dict()
    assert scale["domain"] == list(HEAT_DOMAIN) and scale["range"] == list(palette.CLASS_SCALE)
    assert scale["interpolate"] == "hcl" and scale["type"] == "linear"


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("trained", [True, False], ids=["crosses", "never-crosses"])
def test_a_boundary_without_heat_has_the_same_line_and_points_and_says_so(lang, trained):
    """decision_boundary(heat=False), a replay's frame: no cells and no colour legend, the same 0.5 line and
    points as the full chart, a subtitle and alt text that name the line and say the colours come on pause."""
    if trained:  # the lecture's trained net: its prediction crosses 0.5 in the window
        activation, hidden, flat = "sigmoid", 2, train(Config(epochs=2000)).params[-1]
    else:  # an untrained tanh net whose prediction stays on one side of 0.5
        activation, hidden, flat = "tanh", 3, flatten(_model(activation="tanh", seed=4, hidden=3))
    full = decision_boundary(flat, activation, hidden, lang, resolution=60)
    lines = decision_boundary(flat, activation, hidden, lang, resolution=60, heat=False)
    assert any("y_pred" in f.columns for f in chart_frames(full))
    assert not any("y_pred" in f.columns for f in chart_frames(lines))
    assert "color" not in json.dumps([layer.to_dict(validate=False).get("encoding", {}) for layer in lines.layer])
    contour = [f for f in chart_frames(lines) if list(f.columns) == ["x", "y", "x2", "y2"]]
    assert len(contour) == 1 and bool(len(contour[0])) == trained
    for a, b in zip(chart_frames(full)[1:], chart_frames(lines), strict=True):
        pd.testing.assert_frame_equal(a, b)  # the contour and the points
    first = lines.layer[0].to_dict(validate=False)["encoding"]  # the line: its axes are the chart's
    assert (first["x"]["axis"]["title"], first["y"]["axis"]["title"]) == (t(lang, "ch_x1"), t(lang, "ch_x2"))
    assert lines.title.subtitle == t(lang, "ch_boundary_sub_lines" + ("" if trained else "_none"))
    assert lines.description == t(lang, "ch_boundary_desc_lines")
    with alt.data_transformers.disable_max_rows():
        assert lines.to_dict()["description"]  # valid against the schema (to_dict validates)


@pytest.mark.parametrize(("activation", "hidden"), [("sigmoid", 2), ("relu", 3), ("tanh", 1)])
def test_run_plane_domains_hold_every_epochs_plane(activation, hidden):
    """A replay's fixed h1 axes hold each epoch's own (computed from the whole warped grid)."""
    from xorcore.geometry import X_NP, plane_domains, run_plane_domains, stage_coords

    hist = train(Config(activation=activation, hidden=hidden, seed=7, epochs=300))
    xd, yd = run_plane_domains(hist.params, activation, hidden)
    for flat in hist.params[::25]:
        grid = warped_grid(flat, activation, hidden, "h1")
        pts = stage_coords(flat, activation, hidden, "h1", X_NP)
        (x0, x1), (y0, y1) = plane_domains(flat, activation, hidden, "h1", (0, 1), grid, pts, True)
        assert xd[0] <= x0 and x1 <= xd[1] and yd[0] <= y0 and y1 <= yd[1]
    ends = [plane_domains(f, activation, hidden, "h1", (0, 1), warped_grid(f, activation, hidden, "h1"),
                          stage_coords(f, activation, hidden, "h1", X_NP), True) for f in hist.params]  # fmt: skip
    assert xd == [min(e[0][0] for e in ends), max(e[0][1] for e in ends)]  # the corners' extremes are the grid's
    assert yd == [min(e[1][0] for e in ends), max(e[1][1] for e in ends)]


def test_on_a_replays_axes_the_output_line_sentence_is_what_is_drawn():
    """hidden_plane(domains=...) draws the output line exactly when output_line_shown(domains=...) says so."""
    from xorcore.geometry import output_line_shown, run_plane_domains
    from xorcore.views.planes import output_line_sentence

    hist = train(Config(activation="relu", hidden=3, seed=11, epochs=300))
    domains = run_plane_domains(hist.params, "relu", 3)
    seen = set()
    for flat in hist.params[::20]:
        chart = hidden_plane(flat, "relu", 3, "en", domains=domains)
        drawn = any({"x", "x2", "what"} <= set(f.columns) for f in chart_frames(chart))
        assert drawn == output_line_shown(flat, "relu", 3, domains=domains)
        with alt.data_transformers.disable_max_rows():
            assert output_line_sentence(flat, "relu", 3, "en", domains=domains) in chart.to_dict()["description"]
        seen.add(drawn)
    assert True in seen
