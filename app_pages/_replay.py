"""The Training replay's charts: the loss, the boundary and the hidden plane at one epoch, built once per run,
epoch, language and mode for every session. While playing, each chart is a template built once per run
(xorcore.views.vega: Frames, Template, fill) whose data alone change from frame to frame, so the browser
updates it in place and the server does not run Altair per frame.
"""

from __future__ import annotations

import streamlit as st

from xorcore import History
from xorcore.geometry import run_plane_domains
from xorcore.views import curves
from xorcore.views.boundary import boundary_chart, boundary_frames, boundary_sentence, decision_boundary
from xorcore.views.planes import hidden_plane, output_line_sentence, plane_chart, plane_frames
from xorcore.views.style import fit, without_subtitle
from xorcore.views.vega import Frames, Template, fill, frames_shape, shipped, template, vega_spec

FRAME_RESOLUTION = 60  # the boundary's grid in the explorer: 60 x 60 cells (the Model page draws 80)
FRAME_POINTS = 400  # the explorer's loss curve: at most 400 points (the marker's value stays exact)


# Bounded by size through the entry count: a frame's three specs of a 10,000-epoch run with 8 hidden units
# are 0.34 MB pickled (as st.cache_data keeps them): at most 44 MB.
FRAME_ENTRIES = 128


def draw_frame(spec: dict) -> None:
    """A frame's chart (shipped where it is cached), at the column's width."""
    st.vega_lite_chart(spec, width="stretch")


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
    domains = _replay_domains(hist.digest(), hist) if playing else None
    # a slide's third of the width cuts a second subtitle line short, and it would push the slide off the screen
    plane = hidden_plane(flat, cfg.activation, cfg.hidden, lg, domains=domains, brief=slide)
    return [vega_spec(_for_slide(c, slide, k)) for k, c in enumerate((loss, boundary, plane))]


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
    return template(vega_spec(_for_slide(built, slide, chart)), _frames)


def _for_slide(chart, slide: bool, k: int):  # -> alt.TopLevelMixin
    """The replay's chart k (0 loss, 1 boundary, 2 hidden plane) as a slide's third draws it: lower, and the loss
    and the boundary without their subtitles, which a third cuts short (the alt text keeps them; the plane's
    is brief already, and names the units drawn)."""
    if not slide:
        return chart
    return fit(without_subtitle(chart) if k < 2 else chart, slide=True)


def replay_frame_specs(hist: History, epoch: int, lg: str, log: bool, slide: bool) -> list[dict]:
    """built_frame_specs(playing=True), without Altair per frame: each chart's template (built once per run and
    shape) with this epoch's DataFrames in it. tests/test_app_training.py checks the two are equal.
    """
    run = hist.digest()
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
    return _frame_views(hist.digest(), epoch, lang, log, slide, playing, hist)
