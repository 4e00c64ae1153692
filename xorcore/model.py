"""The 2-H-1 network, built exactly as the lecture builds it, and its parameter layout."""

from __future__ import annotations

import numpy as np
import torch
from torch import nn, optim

from .config import Config

ACT_MODULES = {
    "sigmoid": nn.Sigmoid,
    "tanh": nn.Tanh,
    "relu": nn.ReLU,
    "leaky_relu": nn.LeakyReLU,  # negative slope 0.01, torch's default
    "identity": nn.Identity,
}
ACT_NAMES = {module: name for name, module in ACT_MODULES.items()}  # nn.ReLU -> "relu"
LEAKY_SLOPE = 0.01
# torch.optim for each optimizer choice (the exported script writes the same calls out).
OPTIMIZERS_TORCH = {
    "sgd": lambda params, lr: optim.SGD(params, lr=lr),
    "momentum": lambda params, lr: optim.SGD(params, lr=lr, momentum=0.9),
    "adam": lambda params, lr: optim.Adam(params, lr=lr),
    "rmsprop": lambda params, lr: optim.RMSprop(params, lr=lr),
}


def build_model(config: Config) -> nn.Sequential:
    """Seed, then Linear(2, H), act, Linear(H, 1), Sigmoid; the caller's RNG is untouched."""
    with torch.random.fork_rng(devices=[]):
        torch.default_generator.manual_seed(config.seed)  # torch.manual_seed's CPU part, without its device bookkeeping
        layer1 = nn.Linear(2, config.hidden)  # made first, as in the lecture
        layer2 = nn.Linear(config.hidden, 1)
    return nn.Sequential(layer1, ACT_MODULES[config.activation](), layer2, nn.Sigmoid())


def param_names(hidden: int) -> list[str]:
    """Names of the flat parameter vector: W1[i,j], b1[i], W2[0,i], b2[0]."""
    w1 = [f"W1[{i},{j}]" for i in range(hidden) for j in range(2)]
    b1 = [f"b1[{i}]" for i in range(hidden)]
    w2 = [f"W2[0,{i}]" for i in range(hidden)]
    return w1 + b1 + w2 + ["b2[0]"]


def n_params(hidden: int) -> int:
    """Parameter count of the 2-H-1 net: 2H + H + H + 1."""
    return 4 * hidden + 1


def linears(model: nn.Sequential) -> tuple[nn.Linear, nn.Linear]:
    """The two nn.Linear layers of Linear, act, Linear, Sigmoid: (layer 1, layer 2)."""
    l1, l2 = model[0], model[2]
    if not (isinstance(l1, nn.Linear) and isinstance(l2, nn.Linear)):
        raise TypeError("not a 2-H-1 model (Linear, act, Linear, Sigmoid)")
    return l1, l2


def flatten(model: nn.Sequential) -> np.ndarray:
    """The model's parameters as one float32 vector in param_names order."""
    l1, l2 = linears(model)
    parts = [l1.weight, l1.bias, l2.weight, l2.bias]
    return torch.cat([p.detach().reshape(-1) for p in parts]).numpy().copy()


def unflatten(flat: np.ndarray, hidden: int) -> dict[str, np.ndarray]:
    """Split (..., 4H+1) into W1 (..., H, 2), b1 (..., H), W2 (..., 1, H), b2 (..., 1)."""
    lead = flat.shape[:-1]
    return {
        "W1": flat[..., : 2 * hidden].reshape(*lead, hidden, 2),
        "b1": flat[..., 2 * hidden : 3 * hidden],
        "W2": flat[..., 3 * hidden : 4 * hidden].reshape(*lead, 1, hidden),
        "b2": flat[..., 4 * hidden :],
    }


def load(config: Config, flat: np.ndarray) -> nn.Sequential:
    """A model of this config holding the given flat parameters."""
    model = build_model(config)
    parts = unflatten(np.asarray(flat, dtype=np.float32), config.hidden)
    l1, l2 = linears(model)
    with torch.no_grad():
        l1.weight.copy_(torch.from_numpy(parts["W1"].copy()))
        l1.bias.copy_(torch.from_numpy(parts["b1"].copy()))
        l2.weight.copy_(torch.from_numpy(parts["W2"].copy()))
        l2.bias.copy_(torch.from_numpy(parts["b2"].copy()))
    return model


def sigmoid_np(z: np.ndarray) -> np.ndarray:
    """Logistic sigmoid 1 / (1 + e^-z), elementwise."""
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-z))


def act_np(name: str, z: np.ndarray) -> np.ndarray:
    """The hidden activation, elementwise, in numpy."""
    if name == "sigmoid":
        return sigmoid_np(z)
    if name == "tanh":
        return np.tanh(z)
    if name == "relu":
        return np.maximum(z, 0)
    if name == "leaky_relu":
        return np.where(z > 0, z, LEAKY_SLOPE * z)
    return z


def act_grad_np(name: str, z: np.ndarray, h: np.ndarray | None = None) -> np.ndarray:
    """f'(z) elementwise, from h = f(z) where it helps (sigmoid h (1 - h), tanh 1 - h h); relu'(0) = 0 as in torch."""
    if name in ("sigmoid", "tanh"):
        h = act_np(name, z) if h is None else np.asarray(h)
        return h * (1 - h) if name == "sigmoid" else 1 - h * h
    if name == "relu":
        return (z > 0).astype(z.dtype)
    if name == "leaky_relu":
        return np.where(z > 0, 1.0, LEAKY_SLOPE).astype(z.dtype)
    return np.ones_like(z)
