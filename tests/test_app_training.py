"""The Training Curve page in AppTest: both languages, every optimizer, the scrubber's linked views, play,
pinned runs, downloads, and diverged runs served to the page by a patched train()."""

from __future__ import annotations

import io
import json
import re
import time
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest
from conftest import DASHBOARD, all_text, app, diverged_at_start, forced_divergence
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df
from streamlit.runtime.memory_media_file_storage import _calculate_file_id
from streamlit.testing.v1 import AppTest

from xorcore import ACTIVATIONS, OPTIMIZERS, Config, build_model, series, stuck, train
from xorcore.data import XOR_X
from xorcore.experiments import run_cell
from xorcore.model import act_np, param_names
from xorcore.script import script
from xorcore.text import t

PAGE = "app_pages/training.py"


def page(lang: str = "en", **params: str) -> AppTest:
    """The Training Curve page after a run, checked for exceptions."""
    at = app(PAGE, lang=lang, **params)
    assert not at.exception, [e.value for e in at.exception]
    return at


def charts(at: AppTest) -> dict[str, tuple[dict, list]]:
    """Each Altair chart by its title: (spec, its datasets as DataFrames)."""
    out = {}
    for el in at.get("vega_lite_chart"):
        spec = json.loads(el.proto.spec)
        frames = [convert_arrow_bytes_to_pandas_df(d.data.data) for d in el.proto.datasets]
        out[spec["title"]["text"]] = (spec, frames)
    return out


def epoch_of(at: AppTest) -> int:
    """The epoch on screen: the scrubber's; while playing, the one on the progress bar's status line."""
    bars = at.get("progress")
    if bars:
        return int(re.search(r"\d[\d,]*", bars[0].proto.text).group().replace(",", ""))
    return at.slider(key="train_epoch").value


def metric(at: AppTest, label_start: str) -> str:
    (m,) = [m for m in at.metric if m.label.startswith(label_start)]
    return m.value


# ---------------------------------------------------------------- page in both languages


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_page_in_both_languages(lang):
    at = page(lang)
    hist = train(Config())
    text = all_text(at)
    assert "⟦" not in text
    assert at.title[0].value == ("Training Curve" if lang == "en" else "학습 곡선")
    assert len(at.get("vega_lite_chart")) == 7  # loss, boundary, hidden plane, accuracy, grad, predictions, params
    assert len(at.get("graphviz_chart")) == 1
    # The scrubber starts at the trained model; its table and the final table are the trained predictions.
    assert epoch_of(at) == 2000 and at.slider(key="train_epoch").max == 2000
    for df in at.dataframe:
        np.testing.assert_array_equal(df.value.iloc[:, 2].to_numpy(), hist.final_pred.astype(np.float64))
    assert metric(at, "Final loss" if lang == "en" else "최종 loss") == f"{hist.final_loss:.6f}"
    # The lecture's cell-1 printout, with the real numbers.
    (code,) = [c.value for c in at.code if c.value.startswith("PyTorch")]
    assert series.printout(hist.final_pred) in code
    head = "PyTorch (Sigmoid) predictions:" if lang == "en" else "PyTorch (Sigmoid) 예측 결과:"
    assert code.startswith(head)
    assert any("final loss:" in c.value and "import torch" in c.value for c in at.code)  # the script
    labels = [b.label for b in at.get("download_button")]
    assert labels == (
        ["History as CSV", "Standalone PyTorch script"]
        if lang == "en"
        else ["학습 기록 CSV", "독립 실행 PyTorch 스크립트"]
    )
    titles = set(charts(at))
    assert ("Loss per epoch" if lang == "en" else "에폭별 loss") in titles


CASES = list(
    zip(OPTIMIZERS, ("relu", "tanh", "leaky_relu", "identity"), (0.1, 0.05, 0.01, 0.01), (2, 3, 1, 8), strict=True)
)


@pytest.mark.parametrize(("optimizer", "activation", "lr", "hidden"), CASES)
def test_every_optimizer(optimizer, activation, lr, hidden):
    at = page(optimizer=optimizer, activation=activation, lr=str(lr), hidden=str(hidden), epochs="300", seed="3")
    cfg = Config(seed=3, activation=activation, optimizer=optimizer, lr=lr, epochs=300, hidden=hidden)
    hist = train(cfg)
    assert "⟦" not in all_text(at)
    assert metric(at, "Final loss") == f"{hist.final_loss:.6f}"
    assert at.slider(key="train_epoch").max == 300
    loss = charts(at)["Loss per epoch"][1][0]
    np.testing.assert_allclose(loss.loss, [hist.loss_at(int(e)) for e in loss.epoch], rtol=1e-6)
    params = charts(at)["Parameter trajectories"][1][0]
    assert params.param.nunique() == 4 * hidden + 1
    # The script the page offers is the script of this run.
    assert any(c.value.strip() == script(cfg).strip() for c in at.code)


def test_sigmoid_and_other_activation_in_korean():
    for act in ACTIVATIONS[:2]:
        at = page("ko", activation=act, epochs="200")
        assert "⟦" not in all_text(at)


# ---------------------------------------------------------------- scrubber and linked views


def test_scrubber_views_show_that_epoch():
    at = page(epochs="500", activation="tanh")
    hist = train(Config(epochs=500, activation="tanh"))
    e = 137
    at.slider(key="train_epoch").set_value(e).run()
    assert not at.exception
    assert any(m.value.startswith("Epoch 137 of 500") for m in at.markdown)
    # Predictions table = History.pred_at(e), exactly.
    table = at.dataframe[0].value
    np.testing.assert_array_equal(table["prediction"].to_numpy(), hist.pred_at(e).astype(np.float64))
    assert metric(at, "Loss") == f"{hist.loss_at(e):.6f}"
    assert metric(at, "Gradient norm") == f"{hist.grad_norm[e]:.2e}"
    # Loss curve marker: the rule and the dot sit at (e, loss_at(e)).
    frames = charts(at)["Loss per epoch"][1]
    marks = [f for f in frames if len(f) == 1 and "loss" in f.columns]
    assert len(marks) == 1 and marks[0].epoch[0] == e and marks[0].loss[0] == pytest.approx(hist.loss_at(e), rel=1e-6)
    assert any("label" in f.columns and f.epoch[0] == e for f in frames)
    # Decision boundary: the heatmap at the four corners is the model of epoch e.
    grid = next(f for f in charts(at)["Decision boundary on the input plane"][1] if "y_pred" in f.columns)
    for (x1, x2), p in zip([(0, 0), (0, 1), (1, 0), (1, 1)], hist.pred_at(e), strict=True):
        cell = grid[np.isclose(grid.x1, x1) & np.isclose(grid.x2, x2)]
        assert float(cell.y_pred.iloc[0]) == pytest.approx(float(p), abs=1e-5)
    # Hidden plane: the four points are h1 = tanh(W1 x + b1) of epoch e.
    hp = charts(at)["After the activation (h1 plane)"][1]
    pts = next(f for f in hp if "target" in f.columns and len(f) == 4)
    w = hist.params_at(e)
    x = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], float)
    expected = act_np("tanh", x @ w["W1"].T.astype(float) + w["b1"])
    np.testing.assert_allclose(pts[["a", "b"]].to_numpy(), expected, atol=1e-5)
    # Network diagram: every weight of epoch e on its edges.
    dot = at.get("graphviz_chart")[0].proto.spec
    for v in np.concatenate([w["W1"].ravel(), w["b1"], w["W2"].ravel(), w["b2"]]):
        assert f'label="{v:.3f}"' in dot
    # Epoch 0 is the untrained model: the lecture's loss.
    at.slider(key="train_epoch").set_value(0).run()
    assert metric(at, "Loss") == f"{hist.loss_at(0):.6f}"


def test_play_advances_and_pause_stops_without_retraining(monkeypatch):
    import app_pages._player as player
    import xorcore.workers as shared

    monkeypatch.setattr(player, "clock", lambda: 100.0)  # a frozen clock: every frame comes on time

    calls = []
    real = shared.train

    def counting(cfg, **kwargs):
        calls.append(cfg)
        return real(cfg, **kwargs)

    monkeypatch.setattr(shared, "train", counting)
    at = page(epochs="500")
    assert calls.count(Config(epochs=500)) == 1  # (a failed run also trains its longer twin for the diagnosis)
    n_trained = len(calls)
    assert epoch_of(at) == 500
    at.button(key="train_play_btn").click().run()  # first the epoch on screen again; at the end, play restarts at 0
    assert not at.exception
    assert epoch_of(at) == 500 and at.button(key="train_play_btn").label == "Pause"
    step = 5  # ceil(500 / 100 frames) at normal speed
    at.run()  # the next frame (the browser's timer reruns the fragment; AppTest reruns the page)
    assert epoch_of(at) == step
    at.run()
    assert epoch_of(at) == 2 * step
    assert not [s for s in at.slider if s.key == "train_epoch"]  # while playing the bar shows the epoch
    at.button(key="train_play_btn").click().run()
    assert at.button(key="train_play_btn").label == "Play" and epoch_of(at) == 2 * step  # paused where it was
    at.run()
    assert epoch_of(at) == 2 * step  # paused: stays
    at.slider(key="train_epoch").set_value(250).run()  # drag, then play: it goes on from there
    at.button(key="train_play_btn").click().run()
    assert epoch_of(at) == 250
    at.run()
    assert epoch_of(at) == 250 + step
    at.button(key="train_play_btn").click().run()
    assert at.button(key="train_play_btn").label == "Play" and epoch_of(at) == 250 + step
    # Play to the end: it stops there by itself.
    at.slider(key="train_epoch").set_value(497).run()
    at.button(key="train_play_btn").click().run()
    at.run()
    assert epoch_of(at) == 500 and at.button(key="train_play_btn").label == "Play"
    assert not at.exception
    assert len(calls) == n_trained  # scrubbing and playing never retrained


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_while_playing_only_the_progress_bar_names_the_epoch(lang, monkeypatch):
    """A browser shows a frame as it arrives, top first: one text naming the epoch cannot disagree with another."""
    import app_pages._player as player

    monkeypatch.setattr(player, "clock", lambda: 100.0)  # a frozen clock: one step a frame

    def texts() -> list[str]:
        return [e.value for e in (*at.markdown, *at.caption, *at.subheader)]

    at = page(lang, epochs="500")
    at.slider(key="train_epoch").set_value(123).run()
    assert [x for x in texts() if "123" in x] == [t(lang, "train_at_epoch", epoch=123, n=500, next=124)]  # paused
    at.button(key="train_play_btn").click().run()
    assert epoch_of(at) == 123  # first the epoch on screen again, now on the bar
    at.run()
    assert epoch_of(at) == 128  # 123 + one step (ceil(500 / 100))
    assert at.get("progress")[0].proto.text == t(lang, "train_at_epoch", epoch=128, n=500, next=129)
    assert not [x for x in texts() if "128" in x or "123" in x], "a text besides the bar names an epoch"
    at.button(key="train_play_btn").click().run()  # pause: the scrubber is back, at that epoch
    assert at.slider(key="train_epoch").value == 128 and not at.get("progress")


def test_a_late_frame_skips_epochs_so_the_replay_keeps_its_time(monkeypatch):
    """Play keeps time: a frame that comes 1 s after the clock started shows the epoch due then (FPS frames on)."""
    import app_pages._player as player

    now = [100.0]
    monkeypatch.setattr(player, "clock", lambda: now[0])
    at = page(epochs="500")
    at.button(key="train_play_btn").click().run()  # the first frame shows the epoch on screen; the clock starts
    step = player.frame_step(500, player.SPEEDS["normal"])
    at.run()
    assert epoch_of(at) == step  # the clock started at epoch 0 (from the end): one frame due
    now[0] += 1.0  # the browser drew nothing for a second
    at.run()
    assert epoch_of(at) == (player.FPS + 1) * step
    at.run()  # the clock has not moved: the next frame still moves on by one step, never repeats
    assert epoch_of(at) == (player.FPS + 2) * step
    now[0] += 1000.0  # long past the end: the last epoch, and play stops
    at.run()
    assert epoch_of(at) == 500 and at.button(key="train_play_btn").label == "Play"


def test_log_scale_toggle():
    at = page(epochs="300")
    spec, _ = charts(at)["Loss per epoch"]
    assert spec["layer"][0]["encoding"]["y"]["scale"].get("type") != "log"
    at.toggle(key="train_log").set_value(True).run()
    spec, _ = charts(at)["Loss per epoch"]
    assert spec["layer"][0]["encoding"]["y"]["scale"]["type"] == "log"
    assert spec["layer"][0]["encoding"]["y"]["axis"]["title"] == "loss (BCE, log scale)"


# ---------------------------------------------------------------- pinned runs


def _pin_rows(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown if m.value.startswith("**") and "final loss" in m.value]


def test_pin_two_runs_overlay_switch_pages_and_unpin():
    at = page(epochs="300")
    adam, sgd = Config(epochs=300), Config(epochs=300, optimizer="sgd")
    assert not _pin_rows(at) and "Pinned runs: loss per epoch" not in charts(at)
    at.button(key="train_pin_btn").click().run()
    assert at.button(key="train_pin_btn").disabled  # this run is pinned
    at.selectbox(key="optimizer").set_value("sgd").run()
    assert not at.exception
    spec, frames = charts(at)["Pinned runs: loss per epoch"]
    domain = spec["layer"][0]["encoding"]["color"]["scale"]["domain"]
    assert domain == [adam.label("en"), f"{sgd.label('en')} (current)"]
    assert domain[0].startswith("sigmoid · Adam · 0.01 · seed 42"), "a legend names settings as the sidebar does"
    at.button(key="train_pin_btn").click().run()
    rows = _pin_rows(at)
    assert len(rows) == 2 and adam.label("en") in rows[0] and sgd.label("en") in rows[1]
    spec, frames = charts(at)["Pinned runs: loss per epoch"]
    assert spec["layer"][0]["encoding"]["color"]["scale"]["domain"] == [adam.label("en"), sgd.label("en")]
    (df,) = frames
    for cfg in (adam, sgd):
        sub = df[df.run == cfg.label("en")]
        np.testing.assert_allclose(sub.loss, [train(cfg).loss_at(int(e)) for e in sub.epoch], rtol=1e-6)
    assert f"{train(adam).final_loss:.6f}" in rows[0]
    # Pins belong to the browser session: they survive a trip to another page.
    at.switch_page("app_pages/model.py").run()
    at.switch_page(PAGE).run()
    assert len(_pin_rows(at)) == 2
    at.button(key="train_unpin_0").click().run()
    rows = _pin_rows(at)
    assert len(rows) == 1 and sgd.label("en") in rows[0]
    at.button(key="train_unpin_all").click().run()
    assert not _pin_rows(at) and "Pinned runs: loss per epoch" not in charts(at)
    assert any("No pinned runs yet" in i.value for i in at.info)
    assert not at.exception and "⟦" not in all_text(at)


def test_six_pins_at_most_plus_the_current_run():
    at = page(epochs="200")
    at.session_state["train_pins"] = [Config(seed=s, epochs=200) for s in range(1, 7)]
    at.run()
    assert at.button(key="train_pin_btn").disabled
    assert any("6 runs are pinned" in c.value for c in at.caption)
    spec, (df,) = charts(at)["Pinned runs: loss per epoch"]
    assert df.run.nunique() == 7 and len(spec["layer"][0]["encoding"]["color"]["scale"]["domain"]) == 7


def test_pins_are_not_shared_between_sessions():
    one = page(epochs="200")
    one.button(key="train_pin_btn").click().run()
    assert len(_pin_rows(one)) == 1
    two = page(epochs="200")
    assert not _pin_rows(two) and not two.button(key="train_pin_btn").disabled


def test_history_csv_download_is_history_table():
    at = page(epochs="300")
    hist = train(Config(epochs=300))
    csv = hist.table().to_csv(index=False)
    back = pd.read_csv(io.StringIO(csv))
    assert list(back.columns) == ["epoch", "loss", "accuracy", "grad_norm", *[f"pred_{i}" for i in range(4)],
                                  *param_names(2)]  # fmt: skip
    assert list(back.epoch) == list(range(300))
    np.testing.assert_allclose(back.loss, hist.loss, rtol=1e-6)
    np.testing.assert_allclose(back["W2[0,1]"], hist.params[:300, 7], rtol=1e-6)
    (btn,) = [b for b in at.get("download_button") if b.label == "History as CSV"]
    name = "xor_history_sigmoid_adam_lr0.01_seed42_h2_e300.csv"
    # The media URL is a hash of the bytes it serves: the page offers exactly History.table().
    assert btn.proto.url.endswith(_calculate_file_id(csv.encode(), "text/csv", name) + ".csv")
    (btn,) = [b for b in at.get("download_button") if b.label == "Standalone PyTorch script"]
    code = script(Config(epochs=300)).encode()
    assert _calculate_file_id(code, "text/x-python", name.replace("history_", "").replace(".csv", ".py")) in (
        btn.proto.url
    )


# ---------------------------------------------------------------- a diverged run


@pytest.fixture
def served(monkeypatch):
    """Make the app train to a History the test made (no sidebar setting diverges): serve(hist) -> the page."""
    import xorcore.workers  # the pages' trainer, in a thread of this process in the tests (AppTest runs the app here)

    def serve(hist, lang: str = "en") -> AppTest:
        monkeypatch.setattr(xorcore.workers, "train", lambda cfg, **kwargs: hist)
        return app(PAGE, lang=lang)

    return serve


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_diverged_run_says_where_and_draws_what_it_has(lang, served):
    hist = forced_divergence()
    n = hist.diverged_at
    at = served(hist, lang)
    assert not at.exception, [e.value for e in at.exception]
    (err,) = at.error
    assert re.search(rf"\b{n}\b", err.value)
    assert ("diverged at epoch" if lang == "en" else "발산") in err.value
    assert "⟦" not in all_text(at)
    # The scrubber stops at the last finite epoch; its views and the final table use that epoch.
    assert at.slider(key="train_epoch").max == n - 1 and epoch_of(at) == n - 1
    np.testing.assert_array_equal(at.dataframe[0].value.iloc[:, 2].to_numpy(), hist.pred[n - 1].astype(np.float64))
    np.testing.assert_array_equal(at.dataframe[1].value.iloc[:, 2].to_numpy(), hist.pred[n - 1].astype(np.float64))
    assert len(at.get("vega_lite_chart")) == 7 and len(at.get("graphviz_chart")) == 1
    loss = next(iter(charts(at).values()))[1][0]
    assert list(loss.epoch) == list(range(n))  # every finite epoch, nothing after
    at.slider(key="train_epoch").set_value(3).run()
    assert not at.exception
    np.testing.assert_array_equal(at.dataframe[0].value.iloc[:, 2].to_numpy(), hist.pred[3].astype(np.float64))


def test_run_diverged_at_epoch_zero(served):
    hist = diverged_at_start()
    at = served(hist)
    assert not at.exception, [e.value for e in at.exception]
    assert any("diverged at once" in e.value for e in at.error)
    assert not [s for s in at.slider if s.key == "train_epoch"]  # nothing to scrub
    assert "⟦" not in all_text(at)
    assert metric(at, "Final loss") == "—"


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_seed_opened_from_experiments_with_another_outcome_says_why(lang):
    """Experiments' engine counted this seed one way, PyTorch the other: the page says so, with the saddle's epochs."""
    from xorcore.agreement import saddle_epochs

    cfg = Config(seed=52, activation="relu", optimizer="rmsprop", lr=0.01)
    h = train(cfg)
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    at.query_params.update({"lang": {"en": "English", "ko": "한국어"}[lang], "seed": "52", "activation": "relu",
                            "optimizer": "rmsprop"})  # fmt: skip
    at.session_state["engine_outcome"] = (cfg, not h.success())  # what an Open button stores
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception
    (warning,) = [w.value for w in at.warning if "numpy" in w.value]
    n = saddle_epochs(h)
    assert (f"{n:,}" in warning) == (n > 0)
    assert ("RMSprop" in warning) == (n > 0)  # an adaptive optimizer is named only in the saddle's sentence
    at.session_state["engine_outcome"] = (cfg, h.success())  # the same outcome: nothing to say
    at.run()
    assert not [w for w in at.warning if "numpy" in w.value]


# ---------------------------------------------------------------- why the run did not learn; the final caption


WAITING = ":material/hourglass_top:"  # the note while the longer run a diagnosis needs is training


def diagnosed(at: AppTest) -> AppTest:
    """The page again once the longer run its diagnosis waits for is stored (trained on a thread of its own)."""
    for _ in range(240):
        if not [i for i in at.info if i.icon == WAITING]:
            return at
        time.sleep(0.5)
        at.run()
    raise AssertionError("the longer run was not stored within 120 s")


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("params", [{"activation": "relu", "seed": "0"}, {"activation": "relu", "seed": "1"},
                                    {"activation": "identity"}, {"activation": "tanh", "seed": "7", "lr": "0.05"},
                                    {}], ids=str)  # fmt: skip
def test_diagnosis_is_the_runs_own(lang, params):
    at = diagnosed(page(lang, **params))
    cfg = at.session_state["config"]
    h = train(cfg)
    d = stuck.diagnose_history(h, train(replace(cfg, epochs=stuck.LONGER)))
    shown = [w.value for w in at.warning if w.icon == ":material/troubleshoot:"]
    if d is None:  # the lecture's run learned: no diagnosis
        assert h.success() and not shown and t(lang, "sk_header") not in [s.value for s in at.subheader]
        return
    (text,) = shown
    assert text.startswith(stuck.explain(d, lang))
    if d.case == "dead_init":  # how often this width starts with a dead unit, counted from torch's layers
        k = sum(bool((build_model(Config(seed=s))[0](XOR_X).detach() <= 0).all(dim=0).any()) for s in range(1000))
        assert t(lang, "sk_dead_rate", hidden=2, k=k, n=1000, first=0, last=999) in text


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_diagnosis_that_needs_a_longer_run_does_not_hold_the_page_up(lang, monkeypatch):
    """The longer run trains on its own thread: the page is drawn at once with a note saying so, and the
    diagnosis takes the note's place once that run is stored; a run whose case needs none never waits.

    No timing: the longer run's training blocks until the test has seen the page without it."""
    import threading

    import xorcore.workers as shared

    release, trainer = threading.Event(), shared.train

    def gated(cfg, **kwargs):
        if cfg.epochs == stuck.LONGER:
            assert release.wait(120)
        return trainer(cfg, **kwargs)

    monkeypatch.setattr(shared, "train", gated)
    at = page(lang, activation="tanh", seed="7", lr="0.05")
    assert stuck.needs_longer(train(at.session_state["config"]))
    (note,) = [i.value for i in at.info if i.icon == WAITING]
    assert note == t(lang, "sk_checking", longer=f"{stuck.LONGER:,}")
    assert not [w for w in at.warning if w.icon == ":material/troubleshoot:"]
    assert len(at.get("download_button")) == 2, "the rest of the page is drawn"
    release.set()
    at = diagnosed(at)
    assert not [i for i in at.info if i.icon == WAITING]
    assert len([w for w in at.warning if w.icon == ":material/troubleshoot:"]) == 1
    dead = page(lang, activation="relu", seed="1")  # a dead unit: the case needs no longer run
    assert not stuck.needs_longer(train(dead.session_state["config"]))
    assert not [i for i in dead.info if i.icon == WAITING]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_final_caption_counts_the_failing_seeds(lang):
    at = page(lang)
    cell = run_cell("sigmoid", "adam", 0.01, 100, 2000, 2)  # the engine, as the caption says
    fails = cell.n - cell.n_success
    lecture = ", ".join(f"{v:.3f}" for v in series.LECTURE_CELL1_PRED)
    want = t(lang, "train_final_caption", lecture=lecture, seed=42, fails=fails, runs=100, last=99)
    assert want in [c.value for c in at.caption]


def test_pinned_legend_names_settings_in_korean():
    """A pinned run's legend and row name the activation and optimizer as the Korean sidebar does."""
    at = page(lang="ko", epochs="300", activation="leaky_relu", optimizer="momentum")
    at.button(key="train_pin_btn").click().run()
    at.selectbox(key="optimizer").set_value("rmsprop").run()
    assert not at.exception
    (title,) = [k for k in charts(at) if k.startswith("고정한 실행")]
    domain = charts(at)[title][0]["layer"][0]["encoding"]["color"]["scale"]["domain"]
    pinned = Config(activation="leaky_relu", optimizer="momentum", epochs=300)
    assert domain[0] == pinned.label("ko") == "leaky ReLU · SGD + 모멘텀 (0.9) · 0.01 · 시드 42 · 300 에폭"
    assert "RMSprop" in domain[1] and "rmsprop" not in domain[1] and "leaky_relu" not in domain[1]


@pytest.mark.parametrize("last", [1, 7, 10, 99, 100, 101, 150, 2000, 10_000])
def test_replay_frame_count_is_what_play_draws(last):
    """The speed help's frame count: stepping by frame_step from epoch 0 reaches `last` in exactly that many frames."""
    from app_pages._player import SPEEDS, frame_count, frame_step

    for frames in SPEEDS.values():
        epoch, drawn = 0, 0
        while epoch < last:
            epoch, drawn = min(epoch + frame_step(last, frames), last), drawn + 1
        assert drawn == frame_count(last, frames) <= max(frames, 1)


@pytest.mark.parametrize("slide", [False, True])
def test_a_replays_frames_keep_one_spec_so_the_browser_updates_data_in_place(slide):
    """While playing, every frame's three charts have the same spec (while the subtitle holds); only their data change."""
    from app_pages._replay import frame_views

    hist = train(Config(epochs=400))
    frames = [
        frame_views(hist, e, "en", False, slide, True)[0] for e in (40, 130, 400)
    ]  # the 0.5 line is drawn in all three
    bare = [[json.dumps({k: v for k, v in s.items() if k != "datasets"}, sort_keys=True) for s in f] for f in frames]
    assert bare[0] == bare[1] == bare[2]
    for a, b in zip(frames[0], frames[1], strict=True):
        assert a["datasets"].keys() == b["datasets"].keys()
        assert not all(a["datasets"][k] == b["datasets"][k] for k in a["datasets"]), "the data moves"  # Arrow bytes


def test_run_chart_caches_stay_within_their_size_bounds():
    """The entry counts of the caches of whole-run charts, CSVs and replay frames bound their size: the
    largest run (10,000 epochs, 8 hidden units) gives the largest entries, pickled as st.cache_data keeps them."""
    import pickle

    import app_pages._charts as ch
    import app_pages._replay as rp
    import app_pages._shared as sh
    from xorcore.config import EPOCH_RANGE, HIDDEN_RANGE
    from xorcore.views import curves

    hist = train(Config(epochs=EPOCH_RANGE[1], hidden=HIDDEN_RANGE[1]))
    run, mb = hist.digest(), 2**20
    builders = (curves.accuracy_chart, curves.grad_norm_chart, curves.prediction_chart, curves.params_chart)
    spec = max(
        len(pickle.dumps(ch._run_spec.__wrapped__("b", (hist, lg), {}, None, False, True, b)))
        for b in builders
        for lg in ("en", "ko")
    )
    csv = len(pickle.dumps(hist.table().to_csv(index=False)))
    frame = max(
        len(pickle.dumps(rp._frame_views.__wrapped__(run, e, "ko", log, False, False, hist)))
        for e in (0, hist.config.epochs // 2, hist.config.epochs)
        for log in (False, True)
    )
    assert ch.RUN_SPEC_ENTRIES * spec <= 48 * mb
    assert sh.CSV_ENTRIES * csv <= 40 * mb
    assert rp.FRAME_ENTRIES * frame <= 48 * mb
    assert ch._run_spec._info.max_entries == ch.RUN_SPEC_ENTRIES  # the counts are the caches' own


def _assert_same_spec(got: dict, want: dict) -> None:
    """Two vega_spec dicts are equal, their datasets (DataFrames) compared frame by frame, dtypes and index too."""
    assert {k: v for k, v in got.items() if k != "datasets"} == {k: v for k, v in want.items() if k != "datasets"}
    assert list(got["datasets"]) == list(want["datasets"])
    for name, df in want["datasets"].items():
        pd.testing.assert_frame_equal(got["datasets"][name], df, check_exact=True)


@pytest.mark.parametrize(
    ("hist", "lang"),
    [
        pytest.param(lambda: train(Config(epochs=400)), "en", id="lecture-400-en"),
        pytest.param(lambda: train(Config(epochs=400)), "ko", id="lecture-400-ko"),
        pytest.param(
            lambda: train(Config(hidden=4, activation="tanh", optimizer="sgd", lr=0.1, epochs=300)), "en", id="h4"
        ),
        pytest.param(lambda: forced_divergence(60, at=25), "en", id="diverged"),
    ],
)
def test_a_replay_frame_from_its_template_is_the_builders_spec(hist, lang):
    """The replay's fast path (each chart's template, built once, filled with the epoch's DataFrames) gives
    exactly the spec its builders give for that frame: epochs with and without the 0.5 line or a finite loss,
    reading mode and slides, linear and log loss."""
    from app_pages._replay import built_frame_specs, replay_frame_specs

    h = hist()
    last = series.last_epoch(h)
    for slide, log in ((False, False), (True, False), (False, True)):
        for epoch in sorted({0, 2, last // 2, last - 1, last}):
            got = replay_frame_specs(h, epoch, lang, log, slide)
            want = built_frame_specs(h, epoch, lang, log, slide, playing=True)
            for g, w in zip(got, want, strict=True):
                _assert_same_spec(g, w)


def test_a_template_takes_only_the_frames_it_was_built_from():
    """A dataset that is not one of the frames (the builder made it elsewhere) cannot be filled in: refused."""
    import altair as alt

    from xorcore.views.vega import template, vega_spec

    frames = {"a": pd.DataFrame({"x": [1.0]})}
    chart = alt.layer(alt.Chart(frames["a"]).mark_point(), alt.Chart(pd.DataFrame({"x": [2.0]})).mark_rule())
    with pytest.raises(ValueError, match="not one of the frames"):
        template(vega_spec(chart.encode(x="x:Q")), frames)


@pytest.mark.parametrize("log", [False, True], ids=["linear", "log"])
def test_every_frame_of_a_replay_ships_the_same_loss_curve(log):
    """While playing, the loss curve's bytes are the same at every epoch (only the marker's change), so the
    browser skips the curve (Streamlit's Vega chart compares each dataset's bytes). Putting the marker's epoch
    into the curve's sample made every frame ship a new curve: ~4x the browser's time a frame (README, Play).
    Paused, the epoch is a point of the curve, so the marker sits on the line exactly; while playing the
    marker's value is still the exact loss of its epoch."""
    from app_pages._charts import shipped
    from app_pages._replay import FRAME_POINTS, built_frame_specs

    h = train(Config(epochs=2000))
    last = series.last_epoch(h)
    epochs = (0, 33, 1001, last)
    sampled = set(series.sample_epochs(series.loss_series(h), FRAME_POINTS).tolist())
    assert not sampled & {33, 1001}  # two epochs the curve's own sample does not hold
    playing = [shipped(built_frame_specs(h, e, "en", log, False, playing=True)[0]) for e in epochs]
    curves = [{k: v for k, v in s["datasets"].items() if len(convert_arrow_bytes_to_pandas_df(v)) > 1} for s in playing]
    assert len(curves[0]) == 1 and all(c == curves[0] for c in curves)  # one curve, the same bytes every frame
    for e, s in zip(epochs, playing, strict=True):
        frames = [convert_arrow_bytes_to_pandas_df(v) for v in s["datasets"].values()]
        marker = [f for f in frames if len(f) == 1 and "loss" in f]
        assert [float(m["loss"].iloc[0]) for m in marker] == [h.loss_at(e)]  # exact, not read off the curve
    for e in (33, 1001):
        still = shipped(built_frame_specs(h, e, "en", log, False, playing=False)[0])
        frames = [convert_arrow_bytes_to_pandas_df(v) for v in still["datasets"].values()]
        assert any(len(f) > 1 and e in set(f["epoch"]) for f in frames)  # paused: the epoch is on the curve
