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
