"""The diagnosis of stuck runs (xorcore/stuck.py) on real seeds, checked against independent PyTorch numbers."""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pytest

from xorcore import Config, build_model, stuck, trace, train
from xorcore.data import XOR_X
from xorcore.model import load
from xorcore.outcome import learned as success_of
from xorcore.text import LANGS, MISSING, t

RELU = Config(activation="relu")  # the lecture's settings with ReLU


def diagnosis(cfg: Config) -> stuck.Diagnosis:
    """The diagnosis of cfg's run, with the same setting trained for stuck.LONGER epochs as the longer run."""
    return stuck.diagnose_history(train(cfg), train(replace(cfg, epochs=stuck.LONGER)))


def test_a_run_that_learned_has_no_diagnosis():
    h = train(Config())
    assert h.success() and stuck.diagnose_history(h) is None


def test_dead_from_the_start():
    cfg = replace(RELU, seed=1)
    d = diagnosis(cfg)
    assert d.case == "dead_init"
    z1 = build_model(cfg)[0](XOR_X).detach().numpy()  # (4, H): torch's own layer, not xorcore's forward
    unit = d.numbers["unit"]
    assert (z1[:, unit] <= 0).all() and np.allclose(d.numbers["z1"], z1[:, unit], atol=1e-6)
    assert d.numbers["alive"] == 1 and not train(replace(cfg, epochs=stuck.LONGER)).success()


def test_died_during_training_names_the_epoch():
    d = diagnosis(replace(RELU, seed=0))
    assert d.case == "dead_later"
    h = train(replace(RELU, seed=0))
    e = d.numbers["epoch"]
    for epoch, dead in ((e - 1, False), (e, True)):
        z1 = load(RELU, h.params[epoch])[0](XOR_X).detach().numpy()
        assert bool((z1 <= 0).all(axis=0).any()) is dead


def test_saddle_at_ln2_has_no_pull_on_w2():
    cfg = replace(RELU, seed=8)
    d = diagnosis(cfg)
    assert d.case == "saddle"
    assert abs(d.numbers["loss"] - math.log(2)) < 1e-3
    assert d.numbers["sums"] == [0.0, 0.0]  # both units affine on the four corners
    model = load(cfg, train(cfg).params[-1])
    d_w2 = trace(model).grads.d_W2  # autograd at the trained weights
    assert float(np.abs(d_w2).max()) == pytest.approx(d.numbers["d_W2"], abs=1e-7)
    assert d.numbers["d_W2"] < 1e-6


def test_one_hinge():
    d = diagnosis(replace(RELU, seed=75))
    assert d.case == "hinge"
    assert abs(d.numbers["loss"] - stuck.HINGE_LOSS) < 1e-3
    rest = [p for i, p in enumerate(d.numbers["pred"]) if i != d.numbers["corner"]]
    assert max(rest) - min(rest) < stuck.NEAR


def test_two_right_two_at_half():
    d = diagnosis(replace(RELU, seed=42))
    assert d.case == "half"
    assert abs(d.numbers["loss"] - math.log(2) / 2) < 1e-3


def test_identity_is_linear():
    d = diagnosis(Config(seed=2, activation="identity"))
    assert d.case == "linear" and abs(d.numbers["loss"] - math.log(2)) < 1e-3


def test_slow_means_a_longer_run_learns():
    cfg = Config(seed=3, optimizer="momentum")
    d = diagnosis(cfg)
    assert d.case == "slow"
    longer = train(replace(cfg, epochs=stuck.LONGER))
    e = d.numbers["learned_at"]
    assert e > cfg.epochs and not success_of(longer.pred[e - 1]) and success_of(longer.pred_at(e))
    # without the longer run nothing claims that more epochs help
    assert stuck.diagnose_history(train(cfg)).case != "slow"


def test_gradients_equal_autograd():
    cfg = Config(seed=5, activation="tanh", hidden=3)
    flat = train(cfg).params[-1]
    g = trace(load(cfg, flat)).grads
    norm = math.sqrt(sum(float((a**2).sum()) for a in (g.d_W1, g.d_b1, g.d_W2, g.d_b2)))
    mine = stuck.gradients(flat, cfg.activation, cfg.hidden)
    np.testing.assert_allclose(mine["d_W2"], g.d_W2[0], atol=1e-6)
    assert mine["norm"] == pytest.approx(norm, rel=1e-4, abs=1e-7)


def test_dead_init_share_counts_torch_layers():
    k, n = stuck.dead_init_share(2, seeds=40)
    dead = 0
    for seed in range(40):
        z1 = build_model(Config(seed=seed))[0](XOR_X).detach()
        dead += bool((z1 <= 0).all(dim=0).any())
    assert (k, n) == (dead, 40)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    "cfg",
    [replace(RELU, seed=s) for s in (0, 1, 8, 42, 75)] + [Config(seed=2, activation="identity"),
                                                           Config(seed=3, optimizer="momentum")],
    ids=lambda c: c.label(),
)  # fmt: skip
def test_explanation_states_the_runs_numbers(cfg, lang):
    d = diagnosis(cfg)
    text = stuck.explain(d, lang)
    assert MISSING.format("")[:1] not in text
    assert f"{d.numbers['loss']:.4f}" in text or d.case == "slow"
    if d.case == "slow":
        assert f"{d.numbers['learned_at']:,}" in text
    if d.case in ("saddle", "hinge", "half"):
        assert t(lang, "sk_longer_no", longer=f"{stuck.LONGER:,}") in text
