"""The XOR data set, in the lecture's row order."""

from __future__ import annotations

import torch

# X: (4, 2) inputs, one row per corner of the unit square.
XOR_X: torch.Tensor = torch.tensor([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=torch.float32)
# y: (4, 1) targets, x1 XOR x2.
XOR_Y: torch.Tensor = torch.tensor([[0], [1], [1], [0]], dtype=torch.float32)
ROW_LABELS: tuple[str, ...] = ("(0,0)", "(0,1)", "(1,0)", "(1,1)")
