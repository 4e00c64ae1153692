"""xorcore: the math, training, traces, charts and text of XOR Backprop Lab (no streamlit)."""

from .config import ACTIVATIONS, LECTURE, LR_CHOICES, OPTIMIZERS, Config
from .data import XOR_X, XOR_Y
from .model import build_model
from .trace import Trace, finite_differences, manual_step, trace
from .train import History, train

__all__ = [
    "ACTIVATIONS",
    "LECTURE",
    "LR_CHOICES",
    "OPTIMIZERS",
    "XOR_X",
    "XOR_Y",
    "Config",
    "History",
    "Trace",
    "build_model",
    "finite_differences",
    "manual_step",
    "trace",
    "train",
]  # fmt: skip
