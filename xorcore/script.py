"""PyTorch source text: the model for the current settings, and a standalone script of the run."""

from __future__ import annotations

import numpy as np

from .config import Config
from .data import TASKS
from .numfmt import short32
from .text import t

_ACT = {
    "sigmoid": "nn.Sigmoid()",
    "tanh": "nn.Tanh()",
    "relu": "nn.ReLU()",
    "leaky_relu": "nn.LeakyReLU(0.01)",
    "identity": "nn.Identity()",
}
_OPT = {
    "sgd": "optim.SGD(model.parameters(), lr={lr!r})",
    "momentum": "optim.SGD(model.parameters(), lr={lr!r}, momentum=0.9)",
    "adam": "optim.Adam(model.parameters(), lr={lr!r})",
    "rmsprop": "optim.RMSprop(model.parameters(), lr={lr!r})",
}


def model_code(config: Config, lang: str = "en") -> str:
    """The nn.Module of the lecture, for these settings, commented in `lang`."""
    h, act = config.hidden, config.activation
    c = {k: t(lang, f"code_{k}", h=h) for k in ("seed", "layer1", "layer2", "final", "stretch")}
    c["bend"] = t(lang, f"code_bend_{act}")
    c["combine"] = t(lang, "code_combine_identity" if act == "identity" else "code_combine")
    return f"""class XORModel(nn.Module):
    def __init__(self):
        super().__init__()
        torch.manual_seed({config.seed})  # {c["seed"]}
        self.layer1 = nn.Linear(2, {h})  # {c["layer1"]}
        self.activation = {_ACT[config.activation]}
        self.layer2 = nn.Linear({h}, 1)  # {c["layer2"]}
        self.sigmoid = nn.Sigmoid()  # {c["final"]}

    def forward(self, x):
        z1 = self.layer1(x)  # {c["stretch"]}
        h1 = self.activation(z1)  # {c["bend"]}
        z2 = self.layer2(h1)  # {c["combine"]}
        return self.sigmoid(z2)
"""


def script(config: Config, lang: str = "en", init: np.ndarray | None = None, task: str = "xor") -> str:
    """A standalone program (torch only) that trains this run and prints its final loss, commented in `lang`.

    init: the flat θ (model.param_names order) the run starts from instead of the seed's; task: its truth table.
    """
    opt = _OPT[config.optimizer].format(lr=config.lr)
    c = {k: t(lang, f"code_{k}") for k in ("data", "loop", "forward", "loss", "zero", "backward", "step")}
    doc = t(lang, "code_doc", label=config.label())
    if task != "xor":
        c["data"] = t(lang, "code_data_task", task=task.upper())
    targets = ", ".join(f"[{v}]" for v in TASKS[task])
    return f'''"""{doc}"""
import torch
import torch.nn as nn
import torch.optim as optim

# {c["data"]}
X = torch.tensor([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=torch.float32)
y = torch.tensor([{targets}], dtype=torch.float32)


{model_code(config, lang)}

model = XORModel()
{_start(config.hidden, init, lang)}criterion = nn.BCELoss()
optimizer = {opt}

# {c["loop"]}
for epoch in range({config.epochs}):
    prediction = model(X)  # {c["forward"]}
    loss = criterion(prediction, y)  # {c["loss"]}
    optimizer.zero_grad()  # {c["zero"]}
    loss.backward()  # {c["backward"]}
    optimizer.step()  # {c["step"]}
    if not torch.isfinite(loss):
        print(f"diverged at epoch {{epoch}}")
        break

with torch.no_grad():
    prediction = model(X)
    final = criterion(prediction, y).item()
print("predictions:\\n", prediction.numpy())
print(f"final loss: {{final:.6f}}")
'''


def _start(hidden: int, init: np.ndarray | None, lang: str) -> str:
    """The lines that put the hand-set θ into the model (nothing for the seed's own start)."""
    if init is None:
        return ""
    flat = np.asarray(init, dtype=np.float32)
    values = ", ".join(short32(v) for v in flat)  # reads back as the same float32
    h = hidden
    return f"""# {t(lang, "code_init")}
theta = torch.tensor([{values}], dtype=torch.float32)
with torch.no_grad():
    model.layer1.weight.copy_(theta[:{2 * h}].view({h}, 2))
    model.layer1.bias.copy_(theta[{2 * h}:{3 * h}])
    model.layer2.weight.copy_(theta[{3 * h}:{4 * h}].view(1, {h}))
    model.layer2.bias.copy_(theta[{4 * h}:])
"""
