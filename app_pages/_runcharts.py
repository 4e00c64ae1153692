"""The Training page's whole-run outputs, converted once per run (and language) and cached.

Most of a rerun went into Altair: building the charts and validating each one against the
Vega-Lite schema while converting it. xorcore.views.vega converts without the validation (xorcore's
tests validate every builder), and the charts that only change with the run are cached here.
"""

from __future__ import annotations

import hashlib

import streamlit as st

from xorcore import History
from xorcore.views import curves
from xorcore.views.vega import vega_spec


def digest(hist: History) -> str:
    """A key for one run's outputs: its settings and every number it recorded."""
    d = hashlib.blake2b(repr((hist.config, hist.final_loss, hist.diverged_at)).encode(), digest_size=16)
    for a in (hist.loss, hist.accuracy, hist.pred, hist.grad_norm, hist.params, hist.final_pred):
        d.update(a.tobytes())
    return d.hexdigest()


@st.cache_data(max_entries=32, show_spinner=False)
def _curve_specs(run: str, lg: str, _hist: History) -> list[dict]:
    """Accuracy, gradient norm, predictions and parameters of the run whose digest is `run`.

    Each session gets its own copy (st.cache_data), so nothing one session changes is shared.
    """
    return [
        vega_spec(c)
        for c in (
            curves.accuracy_chart(_hist, lg),
            curves.grad_norm_chart(_hist, lg, log=True),
            curves.prediction_chart(_hist, lg),
            curves.params_chart(_hist, lg),
        )
    ]


@st.cache_data(max_entries=32, show_spinner=False)
def _history_csv(run: str, _hist: History) -> str:
    """History.table() as CSV for the run whose digest is `run` (writing it took a good part of a rerun)."""
    return _hist.table().to_csv(index=False)


def curve_specs(hist: History, lang: str) -> list[dict]:
    """Accuracy, gradient norm, predictions and parameters of this run, as Vega-Lite specs."""
    return _curve_specs(digest(hist), lang, hist)


def history_csv(hist: History) -> str:
    """History.table() of this run as CSV."""
    return _history_csv(digest(hist), hist)
