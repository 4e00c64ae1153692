"""Solve it yourself's math (xorcore.solve): PyTorch's own numbers, the hand-made solution, one unit against one line,
the link's θ and task, and the script of a run trained from a hand-set θ."""

from __future__ import annotations

import math
import re
import subprocess
import sys

import numpy as np
import pytest
import torch
from torch import nn

from xorcore import Config, train
from xorcore.data import TASKS, XOR_X
from xorcore.geometry import boundary_grid
from xorcore.model import ACT_MODULES, n_params
from xorcore.numfmt import short32
from xorcore.outcome import learned
from xorcore.script import script
from xorcore.solve import (
    HAND_LINES,
    LN2,
    THETA_LIMIT,
    as_net,
    hand_solution,
    judge_net,
    judge_single,
    parse_task,
    parse_theta,
    symmetric,
    train_seeds,
)

ACTS = ("sigmoid", "tanh", "relu", "leaky_relu", "identity")


def plain_forward(activation: str, hidden: int, theta: np.ndarray, task: str):
    """A 2-H-1 net written out by hand with nn.Linear, holding θ: (y_pred, terms, loss) for the task."""
    t = torch.tensor(np.asarray(theta, dtype=np.float32))
    l1, l2 = nn.Linear(2, hidden), nn.Linear(hidden, 1)
    with torch.no_grad():
        l1.weight.copy_(t[: 2 * hidden].view(hidden, 2))
        l1.bias.copy_(t[2 * hidden : 3 * hidden])
        l2.weight.copy_(t[3 * hidden : 4 * hidden].view(1, hidden))
        l2.bias.copy_(t[4 * hidden :])
        y = torch.sigmoid(l2(ACT_MODULES[activation]()(l1(XOR_X))))
        target = torch.tensor([[v] for v in TASKS[task]], dtype=torch.float32)
        return y[:, 0].numpy(), nn.BCELoss(reduction="none")(y, target)[:, 0].numpy(), float(nn.BCELoss()(y, target))


@pytest.mark.parametrize("task", list(TASKS))
@pytest.mark.parametrize("act", ACTS)
def test_the_pages_predictions_and_loss_are_a_pytorch_forward_pass_bit_for_bit(act, task):
    rng = np.random.default_rng(len(act) * 7 + len(task))
    for hidden in (1, 2, 5):
        theta = rng.normal(0, 4, n_params(hidden)).astype(np.float32)
        judged = judge_net(Config(activation=act, hidden=hidden), theta, task)
        pred, terms, loss = plain_forward(act, hidden, theta, task)
        assert np.array_equal(judged.pred, pred) and np.array_equal(judged.terms, terms)
        assert judged.loss == loss
        assert judged.learned == bool(learned(pred, np.array(TASKS[task])))


def test_a_single_unit_is_a_pytorch_linear_and_sigmoid_and_its_picture_is_the_same_function():
    theta = np.array([3.5, -2.25, 0.75], dtype=np.float32)
    layer = nn.Linear(2, 1)
    with torch.no_grad():
        layer.weight.copy_(torch.tensor([[3.5, -2.25]]))
        layer.bias.copy_(torch.tensor([0.75]))
        y = torch.sigmoid(layer(XOR_X))[:, 0].numpy()
    assert np.array_equal(judge_single(theta, "xor").pred, y)
    grid = boundary_grid(as_net(theta), "identity", 1, 8)  # what the page draws
    direct = 1 / (1 + np.exp(-(3.5 * grid.x1 - 2.25 * grid.x2 + 0.75)))
    assert np.allclose(grid.y_pred, direct, rtol=0, atol=1e-12)


@pytest.mark.parametrize("act", ACTS[:4])
@pytest.mark.parametrize("hidden", [2, 3, 8])
def test_the_hand_made_solution_is_learned_and_zeros_are_not(act, hidden):
    cfg = Config(activation=act, hidden=hidden)
    hand = hand_solution(act, hidden)
    assert hand is not None
    assert judge_net(cfg, hand, "xor").learned
    assert not judge_net(cfg, np.zeros(n_params(hidden)), "xor").learned


def test_the_hand_made_solution_with_sigmoid_is_or_nand_and():
    hand = hand_solution("sigmoid", 2)
    assert hand is not None
    assert hand.tolist() == [10, 10, -10, -10, -5, 15, 10, 10, -15]  # the page's text names these numbers
    assert hand_solution("sigmoid", 1) is None  # one hidden unit draws one line: no hand-made solution
    assert not judge_net(Config(activation="identity"), hand_solution("identity", 2), "xor").learned


@pytest.mark.parametrize("task", ["and", "or", "nand"])
def test_one_unit_solves_and_or_nand_by_hand_and_by_training(task):
    assert judge_single(np.array(HAND_LINES[task]), task).learned
    seeds = train_seeds(task, seeds=8, epochs=500)
    assert seeds.n_learned == 8
    assert judge_single(seeds.theta[seeds.best], task).learned  # the page's "best of the seeds" button


@pytest.mark.parametrize("task", ["xor", "xnor"])
def test_one_unit_never_beats_ln2_on_xor_and_xnor(task):
    """The page's claim: the best a single unit reaches is 0.5 everywhere, loss ln 2, and it says why."""
    assert symmetric(task)
    seeds = train_seeds(task)  # what the page trains (32 seeds, Adam 0.1, 2000 epochs)
    assert seeds.n_learned == 0
    assert seeds.loss.min() >= LN2 - 1e-6  # float32 BCE of 0.5 is ln 2 to 1e-7
    assert seeds.loss.min() <= LN2 + 1e-5 and np.abs(seeds.pred - 0.5).max() < 0.01  # training gets there
    # the symmetry argument, on random units: the mirrored unit has the same loss, the average no more (units of
    # moderate size: where float32's sigmoid is within 1e-7 of 1, 1 - ŷ loses its digits and the loss its math)
    rng = np.random.default_rng(1)
    for w1, w2, b in rng.normal(0, 2, (200, 3)):
        loss = judge_single(np.array([w1, w2, b]), task).loss
        mirror = judge_single(np.array([-w1, -w2, b + w1 + w2]), task).loss
        middle = judge_single(np.array([0.0, 0.0, b + (w1 + w2) / 2]), task).loss
        assert mirror == pytest.approx(loss, rel=1e-4, abs=1e-5)
        assert middle <= loss + 1e-5 and loss >= LN2 - 1e-6
    assert not any(symmetric(t) for t in ("and", "or", "nand"))


@pytest.mark.parametrize(
    ("raw", "n"),
    [("1,2,3", 9), ("1e309" + ",0" * 8, 9), ("nan" + ",0" * 8, 9), ("inf" + ",0" * 8, 9), ("abc" + ",0" * 8, 9),
     (",".join(["1"] * 500), 9), ("", 9), ("1,,2,3,4,5,6,7,8", 9), (f"{THETA_LIMIT * 2}" + ",0" * 8, 9),
     ("9" * 5000, 1)],
)  # fmt: skip
def test_a_bad_theta_is_refused(raw, n):
    with pytest.raises(ValueError):
        parse_theta(raw, n)


def test_a_theta_reads_back_as_written():
    theta = np.array([10, 10, -10, -10, -5, 15, 10, 10, -15], dtype=np.float32) / 3
    assert np.array_equal(parse_theta(",".join(short32(v) for v in theta), 9), theta)


@pytest.mark.parametrize("raw", ["XOR", "xor ", "maj", "", "<b>x</b>"])
def test_a_bad_task_is_refused(raw):
    with pytest.raises(ValueError):
        parse_task(raw)


def test_training_on_another_table_judges_that_table():
    hist = train(Config(epochs=600, lr=0.1), init=hand_solution("sigmoid", 2), task="and")
    assert hist.task == "and"
    assert hist.success() == bool(learned(hist.final_pred, np.array(TASKS["and"])))
    assert hist.success()  # AND is easy: a 2-2-1 net learns it from the hand-made XOR start


FINAL = re.compile(r"^final loss: (-?\d+\.\d{6})$", re.MULTILINE)


@pytest.mark.parametrize(
    ("cfg", "task"),
    [(Config(epochs=300), "xnor"), (Config(activation="relu", optimizer="sgd", lr=0.5, epochs=200, hidden=3), "or")],
)
def test_the_script_reproduces_a_run_from_a_hand_set_theta(cfg, task, tmp_path):
    """The downloaded script starts from the same θ on the same table and prints train's final loss digit for digit."""
    theta = np.random.default_rng(3).normal(0, 2, n_params(cfg.hidden)).astype(np.float32)
    hist = train(cfg, init=theta, task=task)
    (tmp_path / "run.py").write_text(script(cfg, "ko", init=theta, task=task), encoding="utf-8")
    done = subprocess.run([sys.executable, "run.py"], cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    (value,) = FINAL.findall(done.stdout)
    assert value == f"{hist.final_loss:.6f}"
    assert math.isfinite(hist.final_loss)
