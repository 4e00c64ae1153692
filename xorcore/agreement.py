"""How far the numpy engine's outcomes (Experiments) are from PyTorch's own runs, measured run by run.

benchmarks/agreement.py trains a sample of the default grid both ways (minutes of PyTorch runs) and stores
the result in agreement.json beside this file: package data, since the running app reads it (the
Experiments page states it) and must not train that sample itself. Training Curve checks its own seed live.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from .batch import train_final
from .config import Config
from .train import History

PATH = Path(__file__).with_name("agreement.json")
SADDLE = math.log(2)  # the loss of answering 0.5 everywhere
NEAR = 1e-3  # "at the saddle": the loss within this of ln 2


@dataclass(frozen=True)
class Agreement:
    """A measured sample: how many runs' outcomes differ between the engine and PyTorch."""

    runs: int  # runs compared
    differ: int  # runs whose outcome (outcome.learned) differs
    cells: int  # grid cells sampled
    seeds: int  # seeds per cell (0 .. seeds-1)
    epochs: int
    examples: list[dict]  # the differing runs: config fields, engine and torch outcome

    @property
    def share(self) -> float:
        """differ / runs."""
        return self.differ / self.runs if self.runs else float("nan")


def engine_outcome(config: Config) -> bool:
    """Whether the numpy engine, as Experiments trains it, counts this run as learned."""
    fin = train_final([config])
    return bool(fin.success()[0]) and not bool(fin.diverged[0])


def saddle_epochs(hist: History) -> int:
    """Epochs whose loss lies within NEAR of ln 2 (where rounding decides which way a run goes)."""
    return int(np.sum(np.abs(hist.loss.astype(np.float64) - SADDLE) < NEAR))


def measured(path: Path = PATH) -> Agreement | None:
    """The stored measurement, or None if there is none (or it cannot be read)."""
    try:
        return Agreement(**json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None


def save(agreement: Agreement, path: Path = PATH) -> None:
    """Store a measurement as JSON."""
    path.write_text(json.dumps(asdict(agreement), indent=1) + "\n", encoding="utf-8")
