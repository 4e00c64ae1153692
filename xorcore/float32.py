"""Where PyTorch's float32 rounds an activation's slope to exactly 0 (the text quotes these, never types them)."""

from __future__ import annotations

from functools import cache

import torch

_FUNCS = {"sigmoid": torch.sigmoid, "tanh": torch.tanh}


@cache
def zero_slope_from(activation: str, side: int = 1) -> float:
    """The |z| from which autograd's float32 slope of sigmoid / tanh is exactly 0 on that side (+1 or −1), to 0.01.

    In exact arithmetic the slope is never 0; in float32, σ(z) rounds to 1 for large z (so σ(1 − σ) = 0)
    and to 0 far on the negative side, and tanh(z) to ±1.
    """
    z = (side * torch.arange(0, 12_000, dtype=torch.float32) / 100).requires_grad_(True)
    _FUNCS[activation](z).sum().backward()
    grad = z.grad
    assert grad is not None  # backward() filled it
    nonzero = torch.nonzero(grad != 0).flatten()
    return float(abs(z[int(nonzero[-1]) + 1].item())) if len(nonzero) < len(z) else float("inf")


def slope_values() -> dict[str, str]:
    """{sig_hi, sig_lo, tanh_hi}: the thresholds above, as the text quotes them (one decimal)."""
    return {
        "sig_hi": f"{zero_slope_from('sigmoid', 1):.1f}",
        "sig_lo": f"{zero_slope_from('sigmoid', -1):.1f}",
        "tanh_hi": f"{zero_slope_from('tanh', 1):.1f}",
    }
