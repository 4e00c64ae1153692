"""The downloadable script: standalone PyTorch (no xorcore) that prints train(config).final_loss digit for digit."""

from __future__ import annotations

import ast
import re
import subprocess
import sys

import pytest

from xorcore import Config, train
from xorcore.script import script

CONFIGS = [
    Config(),  # the lecture: sigmoid, Adam, 0.01, 2000 epochs
    Config(activation="relu", optimizer="sgd", lr=0.1, epochs=500),
    Config(activation="tanh", optimizer="rmsprop", lr=0.01, epochs=300),
    Config(activation="leaky_relu", optimizer="momentum", lr=0.05, epochs=400, hidden=4, seed=7),
    Config(activation="identity", optimizer="adam", lr=0.1, epochs=200, hidden=1, seed=3),
    # near the saddle at ln 2, where the last bit of a sum decides the outcome
    Config(seed=52, activation="relu", optimizer="rmsprop", lr=0.01),
    Config(seed=31, activation="leaky_relu", optimizer="rmsprop", lr=0.01),
    Config(seed=83, activation="leaky_relu", optimizer="rmsprop", lr=0.01),
]
FINAL = re.compile(r"^final loss: (-?\d+\.\d{6})$", re.MULTILINE)


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict[Config, subprocess.CompletedProcess]:
    """Every config's script run at once, each in its own empty folder (so xorcore cannot be imported)."""
    procs = {}
    for i, cfg in enumerate(CONFIGS):
        folder = tmp_path_factory.mktemp(f"script{i}")
        (folder / "run.py").write_text(script(cfg), encoding="utf-8")
        procs[cfg] = subprocess.Popen(
            [sys.executable, "run.py"], cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
    out = {}
    for cfg, p in procs.items():
        stdout, stderr = p.communicate(timeout=600)
        out[cfg] = subprocess.CompletedProcess(p.args, p.returncode, stdout, stderr)
    return out


@pytest.mark.parametrize("cfg", CONFIGS, ids=lambda c: c.label())
def test_script_prints_the_final_loss_of_train(cfg, outputs):
    done = outputs[cfg]
    assert done.returncode == 0, done.stderr
    (value,) = FINAL.findall(done.stdout)
    # digit for digit what the Training Curve page shows (the same PyTorch run, bit for bit)
    assert value == f"{train(cfg).final_loss:.6f}"


def test_script_is_standalone_and_matches_the_settings():
    cfg = Config(activation="tanh", optimizer="momentum", lr=0.2, epochs=123, hidden=5, seed=9)
    code = script(cfg)
    tree = ast.parse(code)
    imported = {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    imported |= {n.module.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    assert imported == {"torch"}
    for piece in ("torch.manual_seed(9)", "nn.Linear(2, 5)", "nn.Linear(5, 1)", "nn.Tanh()", "momentum=0.9",
                  "lr=0.2", "range(123)", "nn.BCELoss()"):  # fmt: skip
        assert piece in code, piece


def test_script_comments_follow_the_language():
    cfg = Config(activation="relu", hidden=3)
    en, ko = script(cfg, "en"), script(cfg, "ko")
    ast.parse(ko)

    def code(s: str) -> list[str]:
        return [line.split("#")[0].rstrip() for line in s.splitlines() if line.split("#")[0].strip()]

    assert code(en)[1:] == code(ko)[1:]  # the same program; only the docstring (line 1) is in the language
    assert re.search("[가-힣]", code(ko)[0]) and code(en)[0].startswith('"""XOR Backprop Lab run')
    comments = [line.split("# ", 1)[1] for line in ko.splitlines() if "# " in line]
    assert comments and all(re.search("[가-힣]", c) for c in comments), comments
    assert "bend" not in ko and "nothing bends" in script(Config(activation="identity"), "en")
