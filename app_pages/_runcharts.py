"""The Training page's charts, converted once per run (and epoch, language) and cached for every session.

Most of a rerun went into Altair: building the charts and validating each one against the
Vega-Lite schema while converting it. xorcore.views.vega converts without the validation (xorcore's
tests validate every builder), and the charts that only change with the run are cached here.
"""

from __future__ import annotations

import hashlib

import streamlit as st

from app_pages._charts import shipped
from app_pages._sections import fit
from xorcore import History
from xorcore.geometry import run_plane_domains
from xorcore.views import curves
from xorcore.views.boundary import boundary_chart, boundary_frames, boundary_sentence, decision_boundary
from xorcore.views.planes import hidden_plane, output_line_sentence, plane_chart, plane_frames
from xorcore.views.vega import Frames, Template, fill, frames_shape, template, vega_spec

FRAME_RESOLUTION = 60  # the boundary's grid in the explorer: 60 x 60 cells (the Model page draws 80)
FRAME_POINTS = 400  # the explorer's loss curve: at most 400 points (the marker's value stays exact)


def digest(hist: History) -> str:
    """A key for one run's outputs: its settings and every number it recorded."""
    d = hashlib.blake2b(repr((hist.config, hist.final_loss, hist.diverged_at)).encode(), digest_size=16)
    for a in (hist.loss, hist.accuracy, hist.pred, hist.grad_norm, hist.params, hist.final_pred):
        d.update(a.tobytes())
    return d.hexdigest()


# The caches below are bounded by size through their entry counts, set from the largest entry (pickled, as
# st.cache_data keeps it; measured on a 10,000-epoch run with 8 hidden units and on the lecture's run):
# curve specs 1.6 MB (lecture 0.66 MB) x 16, CSV 4.1 MB (0.33 MB) x 8, frame views 0.34 MB x 128:
# at most 26 + 33 + 44 MB. With 32 curve specs and 32 CSVs they could hold up to 52 + 131 MB.
CURVE_SPECS_ENTRIES, CSV_ENTRIES, FRAME_ENTRIES = 16, 8, 128


@st.cache_data(max_entries=CURVE_SPECS_ENTRIES, show_spinner=False)
def _curve_specs(run: str, lg: str, _hist: History) -> list[dict]:
    """Accuracy, gradient norm, predictions and parameters of the run whose digest is `run`.

    Each session gets its own copy (st.cache_data), so nothing one session changes is shared.
    """
    return [
        shipped(vega_spec(c))
        for c in (
            curves.accuracy_chart(_hist, lg),
            curves.grad_norm_chart(_hist, lg, log=True),
            curves.prediction_chart(_hist, lg),
            curves.params_chart(_hist, lg),
        )
    ]


@st.cache_data(max_entries=CSV_ENTRIES, show_spinner=False)
def _history_csv(run: str, _hist: History) -> str:
    """History.table() as CSV for the run whose digest is `run` (writing it took a good part of a rerun)."""
    return _hist.table().to_csv(index=False)


def curve_specs(hist: History, lang: str) -> list[dict]:
    """Accuracy, gradient norm, predictions and parameters of this run, as Vega-Lite specs."""
    return _curve_specs(digest(hist), lang, hist)


def history_csv(hist: History) -> str:
    """History.table() of this run as CSV."""
    return _history_csv(digest(hist), hist)


@st.cache_data(max_entries=32, show_spinner=False)
def _replay_domains(run: str, _hist: History) -> tuple[list[float], list[float]]:
    """The hidden plane's axes for a replay of the run whose digest is `run`: every epoch's plane fits."""
    cfg = _hist.config
    return run_plane_domains(_hist.params, cfg.activation, cfg.hidden)


def built_frame_specs(hist: History, epoch: int, lg: str, log: bool, slide: bool, playing: bool) -> list[dict]:
    """The explorer's loss, boundary and hidden-plane specs at one epoch, from their builders (the definition).

    While playing (a replay's frames): the loss chart has no hover layers and the same curve at every epoch (the
    marker's value stays exact), the boundary has its 0.5 line without the heatmap (decision_boundary says
    why) and the hidden plane keeps the run's axes, so every frame's spec is the same but for its data, and
    the curve's data are the same too.
    """
    cfg, flat = hist.config, hist.params[epoch]
    loss = curves.loss_chart(
        hist, lg, epoch=epoch, log=log, max_points=FRAME_POINTS, hover=not playing, keep=not playing
    )
    boundary = decision_boundary(
        flat, cfg.activation, cfg.hidden, lg, FRAME_RESOLUTION, colour_legend=not slide, heat=not playing
    )
    domains = _replay_domains(digest(hist), hist) if playing else None
    # a slide's third of the width cuts a second subtitle line short, and it would push the slide off the screen
    plane = hidden_plane(flat, cfg.activation, cfg.hidden, lg, domains=domains, brief=slide)
    return [vega_spec(fit(c, slide=slide)) for c in (loss, boundary, plane)]


def _replay_frames(run: str, hist: History, epoch: int, lg: str, log: bool, slide: bool) -> list[Frames]:
    """What built_frame_specs(playing=True) draws at an epoch: each chart's frames (its `*_frames` function)."""
    cfg, flat = hist.config, hist.params[epoch]
    return [
        curves.loss_frames(hist, lg, epoch=epoch, log=log, max_points=FRAME_POINTS, keep=False),
        boundary_frames(flat, cfg.activation, cfg.hidden, lg, FRAME_RESOLUTION, colour_legend=not slide, heat=False),
        plane_frames(
            flat, cfg.activation, cfg.hidden, lg, "h1", separator=True, domains=_replay_domains(run, hist), brief=slide
        ),
    ]


@st.cache_data(max_entries=64, show_spinner=False)
def _replay_template(
    run: str, chart: int, lg: str, log: bool, slide: bool, shape: tuple, _frames: Frames, _hist: History
) -> Template:
    """One chart's spec for every replay frame of this shape (vega.frames_shape), built once through Altair."""
    if chart == 0:
        built = curves.loss_chart_of(_frames, _hist, lg, log, hover=False)
    else:
        built = boundary_chart(_frames, lg) if chart == 1 else plane_chart(_frames, lg)
    return template(vega_spec(fit(built, slide=slide)), _frames)


def replay_frame_specs(hist: History, epoch: int, lg: str, log: bool, slide: bool) -> list[dict]:
    """built_frame_specs(playing=True), without Altair per frame: each chart's template (built once per run and
    shape) with this epoch's DataFrames in it. tests/test_app_training.py checks the two are equal.
    """
    run = digest(hist)
    frames = _replay_frames(run, hist, epoch, lg, log, slide)
    return [fill(_replay_template(run, k, lg, log, slide, frames_shape(f), f, hist), f) for k, f in enumerate(frames)]


@st.cache_data(max_entries=FRAME_ENTRIES, show_spinner=False)
def _frame_views(run: str, epoch: int, lg: str, log: bool, slide: bool, playing: bool, _hist: History) -> tuple:
    """The explorer's loss, boundary and hidden-plane specs at one epoch, and the two sentences under them.

    Cached for every session (a class on one link opens the same epoch; a second replay is free); each
    session gets its own copy. While playing, every frame's charts keep one spec and only their data
    change, so the browser updates them in place instead of embedding new charts (built_frame_specs), and
    the server fills the charts' templates instead of building them (replay_frame_specs).
    """
    cfg, flat = _hist.config, _hist.params[epoch]
    if playing:
        specs = replay_frame_specs(_hist, epoch, lg, log, slide)
    else:
        specs = built_frame_specs(_hist, epoch, lg, log, slide, playing)
    specs = [shipped(s) for s in specs]  # Arrow once here, not in every session's st.vega_lite_chart
    if slide:  # a slide has no captions
        return specs, "", ""
    domains = _replay_domains(run, _hist) if playing else None
    line = boundary_sentence(flat, cfg.activation, cfg.hidden, lg, resolution=FRAME_RESOLUTION)
    return specs, line, output_line_sentence(flat, cfg.activation, cfg.hidden, lg, domains=domains)


def frame_views(hist: History, epoch: int, lang: str, log: bool, slide: bool, playing: bool) -> tuple:
    """([loss, boundary, hidden plane] specs, boundary sentence, output-line sentence) of this run at an epoch."""
    return _frame_views(digest(hist), epoch, lang, log, slide, playing, hist)
