"""The XOR data set, in the lecture's row order: the only place it is written."""

from __future__ import annotations

import numpy as np
import torch

# X: (4, 2) inputs, one row per corner of the unit square.
XOR_X: torch.Tensor = torch.tensor([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=torch.float32)
# y: (4, 1) targets, x1 XOR x2.
XOR_Y: torch.Tensor = torch.tensor([[0], [1], [1], [0]], dtype=torch.float32)
# The same as numpy: inputs (4, 2) and targets (4,), flat.
X_NP: np.ndarray = XOR_X.numpy().copy()
TARGET: np.ndarray = XOR_Y.numpy()[:, 0].copy()
X_NP.flags.writeable = TARGET.flags.writeable = False  # shared by every module: nobody may change them
ROW_LABELS: tuple[str, ...] = ("(0,0)", "(0,1)", "(1,0)", "(1,1)")

# Other truth tables on the same four rows (the Solve page): targets in ROW_LABELS order.
TASKS: dict[str, tuple[int, int, int, int]] = {
    "xor": (0, 1, 1, 0),
    "xnor": (1, 0, 0, 1),
    "and": (0, 0, 0, 1),
    "or": (0, 1, 1, 1),
    "nand": (1, 1, 1, 0),
}


def task_target(task: str) -> np.ndarray:
    """(4,) float32 targets of a truth table in TASKS (read-only)."""
    out = np.array(TASKS[task], dtype=np.float32)
    out.flags.writeable = False
    return out


def task_y(task: str) -> torch.Tensor:
    """(4, 1) float32 targets of a truth table, as BCELoss takes them (XOR_Y itself for "xor")."""
    return XOR_Y if task == "xor" else torch.tensor(TASKS[task], dtype=torch.float32).reshape(4, 1)
