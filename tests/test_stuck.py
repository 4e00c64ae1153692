"""The diagnosis of stuck runs (xorcore/stuck.py) on real seeds, checked against independent PyTorch numbers."""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pytest

from xorcore import Config, build_model, stuck, trace, train, trend
from xorcore.data import XOR_X, XOR_Y
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
    assert d.numbers["units"]["alive"] == 1 and not train(replace(cfg, epochs=stuck.LONGER)).success()


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
    # without the longer run, "slow" comes from the run's own trend alone
    h = train(cfg)
    assert (stuck.diagnose_history(h).case == "slow") == trend.falling(stuck.history_trend(h))


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
    if d.case in ("saddle", "hinge", "half"):  # the longer run learned nothing and its loss stopped falling
        lt = d.numbers["longer_trend"]
        assert not trend.falling(lt) and t(lang, "sk_longer_flat", longer=f"{stuck.LONGER:,}", tail_n=f"{lt.tail_n:,}",
                                           a=f"{lt.loss_tail:.4f}", b=f"{lt.loss_end:.4f}") in text  # fmt: skip


def test_the_trend_rule_reads_the_runs_tail():
    """trend.py on made-up numbers: a steady descent still falls, a plateau does not, nor a loss above its start."""
    steady = trend.Trend(100, 0.75, 0.7455, 0.745, 0.2, 0.2)  # 5e-4 over the last 10 epochs: the average pace
    assert trend.falling(steady) and trend.barely_moved(steady) and not trend.vanished(steady)
    plateau = trend.Trend(100, 0.75, 0.6932, 0.69315, 0.2, 0.001)  # 5e-5 of a 0.057 drop: 0.9% of the pace
    assert not trend.falling(plateau) and not trend.barely_moved(plateau) and trend.vanished(plateau)
    rose = trend.Trend(100, 0.70, 0.8131, 0.8130, 0.2, 0.2)  # ends above its start
    assert not trend.falling(rose)
    assert (trend.tail_start(50), trend.tail_start(10_000), trend.tail_start(5)) == (45, 9_000, 4)


def torch_losses(h, epochs: list[int]) -> list[float]:
    """BCE of the run's θ at these epochs, from a torch model loaded with it (the last index: the trained θ)."""
    out = []
    for e in epochs:
        y = load(h.config, h.params[e])(XOR_X).detach().double().numpy()[:, 0]
        out.append(float(-np.mean(np.log(np.where(XOR_Y.numpy()[:, 0] == 1, y, 1 - y)))))
    return out


def test_a_run_still_falling_after_10000_epochs_is_not_written_off():
    """Issue 27 item 2: 50 epochs at lr 0.0001 barely move the run and its loss still falls; the 10,000-epoch run
    has not learned yet but still falls too, so more epochs help (it learns at epoch 26,596)."""
    cfg = Config(activation="sigmoid", optimizer="rmsprop", lr=0.0001, epochs=50)
    h, longer = train(cfg), train(replace(cfg, epochs=stuck.LONGER))
    d = stuck.diagnose_history(h, longer)
    l0, lt, le = torch_losses(h, [0, 45, 50])
    assert abs(l0 - le) < trend.MOVED * l0 and lt - le > trend.PACE * (l0 - le) * 5 / 50  # from torch's own losses
    assert d.case == "unmoved" and trend.falling(d.numbers["trend"])
    k0, kt, ke = torch_losses(longer, [0, 9_000, 10_000])
    assert not longer.success() and kt - ke > trend.PACE * (k0 - ke) * 1_000 / 10_000
    for lang in LANGS:
        text = stuck.explain(d, lang)
        assert t(lang, "sk_falling", tail_n="5", a=f"{lt:.4f}", b=f"{le:.4f}", pace="10%") in text
        falls = t(lang, "sk_longer_falling", longer="10,000", tail_n="1,000", a=f"{kt:.4f}", b=f"{ke:.4f}")
        assert falls in text and t(lang, "sk_longer_flat", longer="10,000", tail_n="1,000", a=f"{kt:.4f}",
                                   b=f"{ke:.4f}") not in text  # fmt: skip


def test_dead_units_counted_at_start_and_end_and_blamed_only_when_too_few_are_left():
    """Issue 27 item 3: one unit dead from the start and one that died in training leave 2 of 4 alive, which can
    still solve XOR: the note states all three counts and does not blame the dead units."""
    cfg = Config(seed=123, activation="relu", optimizer="momentum", lr=0.1, hidden=4)
    h = train(cfg)
    d = stuck.diagnose_history(h)
    z0, z1 = (load(cfg, h.params[e])[0](XOR_X).detach().numpy() for e in (0, -1))  # torch's own first layer
    dead0, dead1 = (z0 <= 0).all(axis=0), (z1 <= 0).all(axis=0)
    units = {"dead0": [int(i) + 1 for i in np.flatnonzero(dead0)],
             "died": [int(i) + 1 for i in np.flatnonzero(dead1 & ~dead0)], "alive": int((~dead1).sum()), "hidden": 4}  # fmt: skip
    assert units == {"dead0": [1], "died": [3], "alive": 2, "hidden": 4} == d.numbers["units"]
    assert d.case not in ("dead_init", "dead_later")
    for lang in LANGS:
        text = stuck.explain(d, lang)
        assert t(lang, "sk_units", hidden=4, dead0=1, list0=t(lang, "sk_unit_list", units="1"), died=1,
                 list1=t(lang, "sk_unit_list_from", units="3", epoch=f"{d.numbers['epoch']:,}"), alive=2) in text  # fmt: skip
        assert t(lang, "sk_units_not_why", alive=2) in text
        assert t(lang, "sk_alive_one") not in text and t(lang, "sk_alive_none") not in text
    died_at = d.numbers["epoch"]
    z_before = load(cfg, h.params[died_at - 1])[0](XOR_X).detach().numpy()[:, 2]
    assert (z_before > 0).any() and (load(cfg, h.params[died_at])[0](XOR_X).detach().numpy()[:, 2] <= 0).all()
