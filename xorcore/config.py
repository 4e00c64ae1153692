"""The run's settings as one declared schema: the sidebar and the URL come from it."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from .text import choice_name, t

ACTIVATIONS: tuple[str, ...] = ("sigmoid", "tanh", "relu", "leaky_relu", "identity")
OPTIMIZERS: tuple[str, ...] = ("sgd", "momentum", "adam", "rmsprop")
# Log-spaced learning rates, 1e-4 .. 10 (1, 2, 5 per decade).
LR_CHOICES: tuple[float, ...] = (*tuple(round(m * 10.0**e, 6) for e in range(-4, 1) for m in (1, 2, 5)), 10.0)
SEED_RANGE: tuple[int, int] = (0, 2**31 - 1)
EPOCH_RANGE: tuple[int, int] = (1, 10_000)
HIDDEN_RANGE: tuple[int, int] = (1, 8)


@dataclass(frozen=True)
class Config:
    """One training run: everything the sidebar sets and the URL carries."""

    seed: int = 42  # torch.manual_seed before the layers are made
    activation: str = "sigmoid"  # hidden activation, one of ACTIVATIONS
    optimizer: str = "adam"  # one of OPTIMIZERS
    lr: float = 0.01  # learning rate, one of LR_CHOICES in the UI
    epochs: int = 2000  # full-batch updates on the four XOR rows
    hidden: int = 2  # hidden units, 1..8

    def __post_init__(self) -> None:
        """Reject a bad value, naming the field, the value and what is allowed."""
        _check_int("seed", self.seed, SEED_RANGE)
        _check_int("epochs", self.epochs, EPOCH_RANGE)
        _check_int("hidden", self.hidden, HIDDEN_RANGE)
        _check_choice("activation", self.activation, ACTIVATIONS)
        _check_choice("optimizer", self.optimizer, OPTIMIZERS)
        ok = isinstance(self.lr, (int, float)) and not isinstance(self.lr, bool)
        if not ok or not math.isfinite(self.lr) or not 0 < self.lr <= 1e6:
            raise ValueError(f"lr={self.lr!r} is not allowed: use a number in (0, 1e6]")

    def label(self, lang: str | None = None) -> str:
        """A short name of the run: by code names, 'sigmoid · adam · 0.01 · seed 42' (scripts, test ids), or
        in a language as the screen names it, 'sigmoid · SGD + momentum (0.9) · 0.01 · seed 42' (legends)."""
        if lang is None:
            h = "" if self.hidden == 2 else f" · h{self.hidden}"
            e = "" if self.epochs == 2000 else f" · {self.epochs} ep"
            return f"{self.activation} · {self.optimizer} · {self.lr:g} · seed {self.seed}{h}{e}"
        h = "" if self.hidden == 2 else t(lang, "run_label_hidden", n=self.hidden)
        e = "" if self.epochs == 2000 else t(lang, "run_label_epochs", n=self.epochs)
        act, opt = choice_name(lang, "activation", self.activation), choice_name(lang, "optimizer", self.optimizer)
        return t(lang, "run_label", act=act, opt=opt, lr=f"{self.lr:g}", seed=self.seed) + h + e

    def as_dict(self) -> dict[str, object]:
        """The fields as a plain dict (for caching and URLs)."""
        return asdict(self)


def _check_int(name: str, value: object, bounds: tuple[int, int]) -> None:
    lo, hi = bounds
    if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
        raise ValueError(f"{name}={value!r} is not allowed: use an integer in [{lo}, {hi}]")


def _check_choice(name: str, value: object, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise ValueError(f"{name}={value!r} is not allowed: use one of {', '.join(allowed)}")


def parse_field(name: str, raw: str) -> object:
    """Turn one URL string into a valid field value, or raise ValueError."""
    default = getattr(LECTURE, name)
    raw = raw.strip()
    if len(raw) > 40:
        raise ValueError(f"{name}: value too long")
    if isinstance(default, str):
        value: object = raw
    elif isinstance(default, int):
        if not raw.lstrip("-").isdigit():
            raise ValueError(f"{name}={raw!r} is not an integer")
        value = int(raw)
    else:
        value = float(raw)
        if name == "lr" and value not in LR_CHOICES:
            raise ValueError(f"lr={raw!r} is not one of the learning-rate choices")
    fields: dict[str, Any] = {name: value}
    Config(**fields)  # validates the range / choice
    return value


LECTURE = Config()
FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Config))


def comparisons(cfg: Config) -> list[Config]:
    """The lecture's comparisons from cfg: cfg with each other activation, then with each other optimizer."""
    return [replace(cfg, activation=a) for a in ACTIVATIONS if a != cfg.activation] + [
        replace(cfg, optimizer=o) for o in OPTIMIZERS if o != cfg.optimizer
    ]
