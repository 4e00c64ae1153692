"""Every activation x optimizer on a lecture page: no exception, no missing text, numbers from xorcore."""

from __future__ import annotations

import itertools

import pytest
from conftest import app

from xorcore import ACTIVATIONS, OPTIMIZERS, Config, build_model, trace, train

PAGES = ("app_pages/1_model.py", "app_pages/2_forward.py", "app_pages/3_backprop.py", "app_pages/4_training.py")
COMBOS = list(itertools.product(ACTIVATIONS, OPTIMIZERS))


def _shown(at) -> bytes:
    """Everything the page sent: texts, tables, chart specs, DOT, widget labels."""
    out, stack = [], [at._tree]
    while stack:
        node = stack.pop()
        proto = getattr(node, "proto", None)
        if proto is not None and hasattr(proto, "SerializeToString"):
            out.append(proto.SerializeToString())
        stack.extend(getattr(node, "children", {}).values())
    return b"\n".join(out)


@pytest.mark.parametrize(("i", "combo"), list(enumerate(COMBOS)), ids=[f"{a}-{o}" for a, o in COMBOS])
def test_every_activation_and_optimizer(i, combo):
    activation, optimizer = combo
    page, lang = PAGES[i % len(PAGES)], ("en", "ko")[i % 2]
    cfg = Config(seed=i, activation=activation, optimizer=optimizer, lr=0.05, epochs=300)
    at = app(page, lang=lang, seed=str(cfg.seed), activation=activation, optimizer=optimizer, lr="0.05", epochs="300")
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["config"] == cfg
    shown = _shown(at)
    assert "⟦".encode() not in shown
    if page.endswith(("2_forward.py", "3_backprop.py")):
        expected = f"{trace(build_model(cfg)).loss:.4f}"  # the untrained loss of this seed
    else:  # the trained loss of this run, as each page rounds it
        expected = f"{train(cfg).final_loss:.{6 if page.endswith('4_training.py') else 4}f}"
    assert expected.encode() in shown, f"{page} does not show {expected}"
