"""Training curves: their data equals History, long runs are thinned but exact, pins overlay, non-finite is dropped."""

from __future__ import annotations

import dataclasses
import json

import altair as alt
import numpy as np
import pytest
from conftest import chart_frames, diverged_at_start, forced_divergence

from xorcore import Config, series, train
from xorcore.data import ROW_LABELS, TARGET
from xorcore.model import param_names
from xorcore.outcome import correct
from xorcore.views import curves

LECTURE_H = train(Config())  # 2000 epochs: more points than one line draws


def layers_of(spec: dict) -> list[dict]:
    return spec["layer"]


def test_forced_divergence_is_cut_at_that_epoch():
    hist = forced_divergence()
    assert hist.diverged_at is not None and 0 < hist.diverged_at < 50
    n = hist.diverged_at
    assert hist.epochs_run == n and len(hist.loss) == n and hist.pred.shape == (n, 4) and hist.params.shape[0] == n + 1
    assert np.isfinite(hist.loss).all() and np.isfinite(hist.params[:n]).all()
    assert not (np.isfinite(hist.final_pred).all() and np.isfinite(hist.params[n]).all())
    assert np.isnan(hist.final_loss)
    assert series.last_epoch(hist) == n - 1
    h0 = diverged_at_start()
    assert h0.diverged_at == 0 and h0.epochs_run == 0 and series.last_epoch(h0) == 0


@pytest.mark.parametrize("n", [1, 2, 999, 1000, 1001, 2001, 10001])
def test_sample_epochs(n):
    keep = (n // 3, n - 1, n + 5)  # n + 5 is out of range: ignored
    ep = series.sample_epochs(np.linspace(1.0, 0.0, n), 1000, keep)
    assert ep[0] == 0 and ep[-1] == n - 1
    assert np.all(np.diff(ep) > 0)
    assert set(keep[:2]) <= set(ep.tolist())
    assert len(ep) <= 1002
    if n <= 1000:
        assert len(ep) == n


def test_loss_curve_is_history_at_every_plotted_epoch():
    hist = LECTURE_H
    df = series.loss_frame(hist, epoch=1234)
    assert 990 <= len(df) <= 1002  # 2001 points thinned
    assert {0, 1234, 2000} <= set(df.epoch)
    for e, v in zip(df.epoch, df.loss, strict=True):
        assert v == pytest.approx(hist.loss_at(int(e)), abs=0, rel=1e-7)
    assert df.loss.iloc[0] == pytest.approx(0.7482, abs=5e-5)  # the lecture's untrained loss
    assert df.loss.iloc[-1] == pytest.approx(hist.final_loss, rel=1e-7)
    short = train(Config(epochs=300))
    df = series.loss_frame(short)
    assert list(df.epoch) == list(range(301))
    np.testing.assert_allclose(df.loss[:300], short.loss, rtol=1e-7)


def alternating(n: int) -> np.ndarray:
    """A series that flips between 0.145 and 0.856 every epoch, slowly drifting (no two values equal)."""
    return np.where(np.arange(n) % 2 == 0, 0.145, 0.856) + 1e-6 * np.arange(n)


def flips(drawn: np.ndarray) -> bool:
    """Both sides of 0.5 in every three consecutive drawn points: a zigzag, never a flat stretch on one side."""
    low = drawn < 0.5
    return bool(low.any() and (~low).any()) and all(0 < low[i : i + 3].sum() < 3 for i in range(len(low) - 2))


@pytest.mark.parametrize("n", [2001, 10001])
@pytest.mark.parametrize("max_points", [1000, 400])
def test_thinning_draws_an_epoch_by_epoch_flip_as_one(n, max_points):
    """Evenly spaced samples of a flip-every-epoch series land on one side for long stretches (aliasing);
    keeping each bucket's lowest and highest draws it flipping from start to end."""
    v = alternating(n)
    ep = series.sample_epochs(v, max_points)
    assert len(ep) <= max_points
    assert flips(v[ep])
    assert v.argmax() in ep and v.argmin() in ep


def test_seed_11_flip_is_drawn_and_its_extremes_kept():
    """Issue 27: seed 11, leaky ReLU, SGD, lr 10 flips every epoch; its curves showed flat stretches and left
    out epoch 3, the run's highest loss."""
    hist = train(Config(seed=11, activation="leaky_relu", optimizer="sgd", lr=10))
    loss = series.loss_series(hist)
    df = series.loss_frame(hist)
    assert {int(loss.argmax()), int(loss.argmin())} <= set(df.epoch)
    assert df.loss.max() == pytest.approx(loss.max(), rel=1e-7) and df.loss.min() == pytest.approx(loss.min(), rel=1e-7)
    pred = series.pred_frame(hist)
    for r in range(4):
        drawn = pred[(pred.row == r) & (pred.epoch >= 500) & (pred.epoch < 1500)].y_pred.to_numpy()
        assert flips(drawn)
    b2 = series.param_frame(hist).query("param == 'b2[0]'").value.to_numpy()
    assert (b2 < -1.7).sum() > 400 and (b2 > 1.7).sum() > 400


def test_accuracy_predictions_params_grad_equal_history():
    hist = train(Config(activation="relu", optimizer="sgd", lr=0.1, epochs=400, hidden=3))
    acc = series.accuracy_frame(hist)
    np.testing.assert_allclose(acc.accuracy[:400], hist.accuracy)
    assert acc.accuracy.iloc[-1] == correct(hist.final_pred).mean()
    pred = series.pred_frame(hist)
    assert len(pred) == 4 * 401
    for r in range(4):
        rows = pred[pred.row == r].sort_values("epoch")
        np.testing.assert_allclose(rows.y_pred, [hist.pred_at(e)[r] for e in range(401)], rtol=1e-7)
        assert (rows.target == TARGET[r]).all()
    par = series.param_frame(hist)
    names = param_names(3)
    assert set(par.param) == set(names) and len(par) == len(names) * 401
    for j, name in enumerate(names):
        np.testing.assert_allclose(par[par.param == name].sort_values("epoch").value, hist.params[:, j], rtol=1e-7)
    grad = series.grad_frame(hist)
    np.testing.assert_allclose(grad.grad_norm, hist.grad_norm, rtol=1e-7)
    assert list(grad.epoch) == list(range(400))


def test_loss_chart_marker_sits_on_history():
    hist = LECTURE_H
    for e in (0, 777, 2000):
        chart = curves.loss_chart(hist, "en", epoch=e)
        frames = chart_frames(chart)
        marks = [f for f in frames if list(f.columns) == ["epoch", "loss"] and len(f) == 1]
        assert len(marks) == 1 and marks[0].epoch[0] == e
        assert marks[0].loss[0] == pytest.approx(hist.loss_at(e), rel=1e-7)
        rules = [f for f in frames if "label" in f.columns]
        assert rules and rules[0].epoch[0] == e and str(e) in rules[0].label[0]


def test_hover_tooltip_on_loss_curve():
    spec = curves.loss_chart(train(Config(epochs=200)), "en", epoch=5).to_dict()
    (param,) = spec["params"]  # Altair lifts a layer's selection to the top, naming its view
    assert param["select"]["on"] == "pointerover" and param["select"]["nearest"]
    hover = [ly for ly in spec["layer"] if ly.get("name") in param["views"]]
    assert len(hover) == 1
    fields = [tt["field"] for tt in hover[0]["encoding"]["tooltip"]]
    assert fields == ["epoch", "loss"]
    light = curves.loss_chart(train(Config(epochs=200)), "en", epoch=5, hover=False).to_dict()
    assert "params" not in light and len(light["layer"]) == len(layers_of(spec)) - 3


def test_log_scale_drops_nonpositive_and_sets_scale():
    hist = train(Config(epochs=100))
    zeroed = dataclasses.replace(hist, loss=np.where(np.arange(100) % 10 == 0, 0.0, hist.loss).astype(np.float32))
    df = series.loss_frame(zeroed, log=True)
    assert (df.loss > 0).all() and len(df) == 101 - 10
    spec = curves.loss_chart(zeroed, "en", log=True).to_dict()
    assert spec["layer"][0]["encoding"]["y"]["scale"]["type"] == "log"
    assert len(series.loss_frame(zeroed, log=False)) == 101  # a linear scale keeps the zeros


def test_non_finite_points_are_filtered_everywhere():
    hist = train(Config(epochs=60))
    bad = hist.params.copy()
    bad[10, 0], bad[11, 3] = np.nan, np.inf
    pred = hist.pred.copy()
    pred[5, 1], pred[6, 2] = np.nan, -np.inf
    loss, grad = hist.loss.copy(), hist.grad_norm.copy()
    loss[7], grad[8] = np.inf, np.nan
    broken = dataclasses.replace(hist, params=bad, pred=pred, loss=loss, grad_norm=grad, final_loss=float("nan"))
    assert len(series.loss_frame(broken)) == 61 - 2  # epoch 7 and the (nan) trained model
    assert len(series.grad_frame(broken)) == 59
    assert len(series.pred_frame(broken)) == 4 * 61 - 2
    assert len(series.param_frame(broken)) == 9 * 61 - 2
    assert len(series.accuracy_frame(broken)) == 61 - 2  # accuracy needs all four predictions
    for chart in (
        curves.loss_chart(broken, "en", epoch=7),
        curves.loss_chart(broken, "en", epoch=7, log=True),
        curves.accuracy_chart(broken, "en", epoch=5),
        curves.prediction_chart(broken, "en", epoch=5),
        curves.params_chart(broken, "en", epoch=10),
        curves.grad_norm_chart(broken, "en", epoch=8),
        curves.overlay_chart([("a", broken), ("b", hist)], "en"),
    ):
        for f in chart_frames(chart):
            num = f.select_dtypes("number")
            assert np.isfinite(num.to_numpy(dtype=float)).all()
        json.loads(chart.to_json())  # valid JSON: no NaN / Infinity literals


def test_diverged_run_draws_what_it_has():
    hist = forced_divergence()
    n = hist.diverged_at
    df = series.loss_frame(hist)
    assert list(df.epoch) == list(range(n))  # epoch n (diverged) is left out
    np.testing.assert_allclose(df.loss, hist.loss, rtol=1e-7)
    assert len(series.param_frame(hist)) == len(param_names(2)) * n
    table = series.predictions_table(hist, series.last_epoch(hist), "en")
    np.testing.assert_allclose(table["prediction"], hist.pred[n - 1], rtol=1e-7)
    h0 = diverged_at_start()
    assert series.loss_frame(h0).empty
    finite = [ROW_LABELS[r] for r in range(4) if np.isfinite(h0.pred_at(0)[r])]
    assert len(finite) < 4 and list(dict.fromkeys(series.pred_frame(h0).input)) == finite  # nan rows left out
    for chart in (curves.loss_chart(h0, "en", epoch=0), curves.params_chart(h0, "en", epoch=0)):
        json.loads(chart.to_json())


def test_overlay_has_one_series_per_pin():
    cfgs = [Config(optimizer=o, epochs=300) for o in ("sgd", "momentum", "adam", "rmsprop")]
    runs = [(c.label(), train(c)) for c in cfgs]
    chart = curves.overlay_chart(runs, "en", current=runs[2][0])
    (df,) = chart_frames(chart)
    assert list(dict.fromkeys(df.run)) == [label for label, _ in runs]
    for label, hist in runs:
        sub = df[df.run == label]
        np.testing.assert_allclose(sub.loss, [hist.loss_at(int(e)) for e in sub.epoch], rtol=1e-7)
        assert len(sub) == 301
    spec = chart.to_dict()
    enc = spec["layer"][0]["encoding"]
    assert enc["color"]["scale"]["domain"] == [label for label, _ in runs]
    assert enc["color"]["legend"]["title"] == "run"
    widths = enc["strokeWidth"]["scale"]["range"]
    assert widths[2] > widths[0]  # the current run stands out
    assert len(set(enc["color"]["scale"]["range"])) == 4
    six = [(f"run {i}", runs[0][1]) for i in range(7)]
    assert len(set(curves.overlay_chart(six, "en").to_dict()["layer"][0]["encoding"]["color"]["scale"]["range"])) == 7


def test_predictions_table_and_printout():
    hist = LECTURE_H
    for e in (0, 1500, 2000):
        df = series.predictions_table(hist, e, "en")
        np.testing.assert_array_equal(df["prediction"].to_numpy(), hist.pred_at(e).astype(np.float64))
        assert list(df["target"]) == [0, 1, 1, 0]
    ko = series.predictions_table(hist, 2000, "ko")
    assert list(ko.columns) == ["입력", "정답", "예측값", "반올림", "정답?"]
    text = series.printout(hist.final_pred)
    assert text == np.array2string(hist.final_pred.reshape(4, 1))
    assert text.startswith("[[0.0098") and text.count("\n") == 3


def test_charts_have_titles_and_descriptions_in_both_languages():
    hist = train(Config(epochs=50, hidden=3))
    for lang in ("en", "ko"):
        for chart in (
            curves.loss_chart(hist, lang, epoch=3),
            curves.accuracy_chart(hist, lang),
            curves.prediction_chart(hist, lang),
            curves.params_chart(hist, lang),
            curves.grad_norm_chart(hist, lang),
            curves.overlay_chart([("x", hist)], lang),
        ):
            spec = chart.to_dict()
            assert spec["description"] and "⟦" not in json.dumps(spec, ensure_ascii=False)
            assert spec["title"]["text"]
            x = next(ly["encoding"]["x"] for ly in spec["layer"] if "axis" in ly.get("encoding", {}).get("x", {}))
            assert x["axis"]["title"] == ("epoch" if lang == "en" else "에폭")


def test_altair_is_not_asked_for_more_rows_than_it_allows():
    # Thinning keeps each chart's data small enough for Altair's default 5000-row limit, except the
    # parameter chart of wide nets, which st.altair_chart ships as Arrow (no limit there).
    hist = train(Config(epochs=10_000))
    assert alt.data_transformers.options.get("max_rows", 5000) == 5000
    for chart in (
        curves.loss_chart(hist, "en", epoch=5),
        curves.grad_norm_chart(hist, "en"),
        curves.accuracy_chart(hist, "en"),
    ):
        chart.to_dict()
