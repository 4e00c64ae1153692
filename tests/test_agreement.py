"""How the engine's outcomes relate to PyTorch's: the stored measurement and the per-run helpers."""

from __future__ import annotations

import math

import numpy as np

from xorcore.agreement import PATH, SADDLE, Agreement, engine_outcome, measured, saddle_epochs, save
from xorcore.batch import train_final
from xorcore.config import Config
from xorcore.train import train


def test_engine_outcome_is_train_finals():
    for c in (Config(epochs=300), Config(seed=3, activation="relu", epochs=300)):
        fin = train_final([c])
        assert engine_outcome(c) == bool(fin.success()[0])


def test_saddle_epochs_counts_losses_near_ln2():
    h = train(Config(seed=52, activation="relu", optimizer="rmsprop", epochs=300))
    want = int(np.sum(np.abs(h.loss.astype(np.float64) - math.log(2)) < 1e-3))
    assert saddle_epochs(h) == want and math.log(2) == SADDLE


def test_measurement_round_trip(tmp_path):
    a = Agreement(runs=200, differ=3, cells=20, seeds=10, epochs=2000, examples=[{"seed": 1, "engine": True}])
    save(a, tmp_path / "a.json")
    assert measured(tmp_path / "a.json") == a and a.share == 0.015
    assert measured(tmp_path / "missing.json") is None
    (tmp_path / "bad.json").write_text("{not json")
    assert measured(tmp_path / "bad.json") is None


def test_stored_measurement_is_consistent():
    """The shipped file (benchmarks.agreement) lists exactly its differing runs, each a default-grid run."""
    m = measured(PATH)
    assert m is not None
    assert m.runs == m.cells * m.seeds and len(m.examples) == m.differ <= m.runs
    for ex in m.examples:
        assert ex["engine"] != ex["torch"] and 0 <= ex["seed"] < m.seeds and ex["epochs"] == m.epochs
