"""Every activation x optimizer on a lecture page: no exception, no missing text, the loss metric from xorcore."""

from __future__ import annotations

import itertools

import pytest
from conftest import app

from xorcore import ACTIVATIONS, OPTIMIZERS, Config, build_model, trace, train
from xorcore.text import t

PAGES = ("app_pages/model.py", "app_pages/forward.py", "app_pages/backprop.py", "app_pages/training.py")
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
    untrained, trained = trace(build_model(cfg)).loss, train(cfg).final_loss
    # each page's loss metric: (its label's text key, the value it must show, as the page rounds it)
    label, want = {
        "app_pages/model.py": ("mp_final_loss", f"{trained:.4f}"),
        "app_pages/forward.py": ("fw_loss_metric", f"{untrained:.4f}"),
        "app_pages/backprop.py": ("bp_loss_metric", f"{untrained:.4f}"),
        "app_pages/training.py": ("train_m_final_loss", f"{trained:.6f}"),
    }[page]
    values = [m.value for m in at.metric if m.label == t(lang, label)]
    assert values == [want], f"{page}: the metric {t(lang, label)!r} shows {values}, not {want}"
