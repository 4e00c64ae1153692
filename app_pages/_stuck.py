"""Why the run on screen got stuck (xorcore.stuck), and how often its setting fails: Training Curve's notes."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from app_pages._shared import history_soon, lang, tr
from xorcore import History, oscillation, stuck
from xorcore.config import Config
from xorcore.experiments import run_cell


@st.cache_data(max_entries=16, show_spinner=False)
def _dead_share(hidden: int) -> tuple[int, int]:
    """How many of seeds 0..999 start with a dead unit at this width (stuck.dead_init_share)."""
    return stuck.dead_init_share(hidden)


WAIT_S = 1.0  # while the longer run trains, the note asks every second whether it is done


def diagnosis(hist: History) -> None:
    """Why the run on screen did not learn XOR, drawn from its own numbers (nothing when it learned).

    Where the case depends on a longer run of the setting (stuck.needs_longer), that run is queued for the
    one background trainer (_shared.history_soon; 10,000 epochs take seconds): the page is drawn at once,
    with a note that waits for it.
    """
    cfg = hist.config
    longer = None
    if stuck.needs_longer(hist):
        longer_cfg = replace(cfg, epochs=stuck.LONGER)
        if (longer := history_soon(longer_cfg)) is None:
            st.fragment(run_every=WAIT_S)(_waiting)(longer_cfg)
            return
    d = stuck.diagnose_history(hist, longer)
    if d is None:
        return
    text = stuck.explain(d, lang(), stuck.LONGER if longer is not None else None)
    if d.case == "dead_init":
        k, n = _dead_share(cfg.hidden)
        text += " " + tr("sk_dead_rate", hidden=cfg.hidden, k=k, n=n, first=0, last=n - 1)
    if (osc := oscillation.oscillates(hist)) is not None:
        text += "\n\n" + oscillation.sentence(osc, lang())
    st.subheader(tr("sk_header"))
    st.warning(text, icon=":material/troubleshoot:")


def _waiting(longer: Config) -> None:
    """The note while the longer run trains; once it is stored, the page is drawn again with the diagnosis."""
    if history_soon(longer) is not None:
        st.rerun(scope="app")
    st.subheader(tr("sk_header"))
    st.info(tr("sk_checking", longer=f"{longer.epochs:,}"), icon=":material/hourglass_top:")


def seed_failures(cfg: Config) -> tuple[int, int]:
    """(failed runs, runs) of this setting over seeds 0..99 (the Experiments grid's seeds and engine)."""
    return _failures(cfg.activation, cfg.optimizer, cfg.lr, cfg.epochs, cfg.hidden)


@st.cache_data(max_entries=16, show_spinner=False)
def _failures(activation: str, optimizer: str, lr: float, epochs: int, hidden: int) -> tuple[int, int]:
    """seed_failures keyed without the seed (the count is over seeds 0..99 whatever the sidebar's seed)."""
    cell = run_cell(activation, optimizer, lr, 100, epochs, hidden)
    return cell.n - cell.n_success, cell.n
