"""Forward Pass: Linear 1, activation, Linear 2, output, loss, with numbers, equations and pictures."""

import streamlit as st

from app_pages._charts import chart
from app_pages._flow import flow_size, flow_view
from app_pages._quiz import Ask, with_quiz
from app_pages._sections import Section, caption, lead, more, presenting, show
from app_pages._shared import config, lang, tr, upright
from xorcore import build_model
from xorcore import trace as trace_of
from xorcore.data import ROW_LABELS
from xorcore.losses import bce_terms
from xorcore.model import flatten
from xorcore.outcome import n_correct, rule_values
from xorcore.quiz import above_half, largest_term
from xorcore.views.flow import COMPACT, forward_flow
from xorcore.views.latex import (
    latex_activation,
    latex_inputs,
    latex_linear1,
    latex_linear2,
    latex_loss,
    latex_output,
    lecture_forward,
)
from xorcore.views.loss_bars import loss_chart
from xorcore.views.planes import hidden_plane, output_axis, output_line_sentence, space_plane
from xorcore.views.tables import forward_table

N_STEPS = 5
cfg, lg = config(), lang()
model = build_model(cfg)  # the untrained network of this seed, as in the lecture's cell 2
trace = trace_of(model)
flat = flatten(model)
act, hidden = cfg.activation, cfg.hidden


def picture(build, *args, **kwargs) -> None:
    """A chart at full width; its alt text is the chart's own description (also a caption)."""
    caption(chart(build, *args, **kwargs)["description"])


def table(df) -> None:
    """A values table with 4 decimals in every float column."""
    num = st.column_config.NumberColumn(format="%.4f")
    turned = upright(df, index=False)  # 8 hidden units: one row per column of the batch table
    cols = {c: num for c in turned.columns if turned[c].dtype.kind == "f"}
    st.dataframe(turned, hide_index=turned is df, width="stretch", column_config=cols)


rows, ring, units = [0, 1, 2, 3], None, (0, 1)  # presentation mode: the batch, hidden units 1 and 2


def intro() -> None:
    """The page's title, whether these are the lecture's numbers, and which rows and units to draw (reading mode)."""
    global rows, ring, units
    st.title(tr("fw_title"))
    st.markdown(tr("fw_intro", seed=cfg.seed))
    st.caption(tr("notation"))
    if lecture_forward(cfg.seed, act, hidden):
        st.success(tr("fw_lecture_ok"), icon=":material/menu_book:")
    else:
        st.info(tr("fw_not_lecture", seed=cfg.seed, act=tr(f"act_{act}"), hidden=hidden), icon=":material/tune:")
    choice = st.segmented_control(
        tr("rows_label"), ["all", 0, 1, 2, 3], default="all", required=True, key="fw_rows",
        format_func=lambda r: tr("all_rows") if r == "all" else tr("one_row", row=ROW_LABELS[r]),
    )  # fmt: skip
    rows = [0, 1, 2, 3] if choice == "all" else [int(choice)]
    ring = None if choice == "all" else int(choice)  # the chosen input gets a ring in every picture
    if hidden > 2:
        c1, c2, _ = st.columns([1, 1, 2])
        ua = c1.selectbox(tr("fw_unit_x"), range(hidden), index=0, key=f"fw_ua_{hidden}",
                          format_func=lambda i: tr("fw_unit", i=i + 1))  # fmt: skip
        rest = [i for i in range(hidden) if i != ua]
        ub = c2.selectbox(tr("fw_unit_y"), rest, index=0, key=f"fw_ub_{hidden}_{ua}",
                          format_func=lambda i: tr("fw_unit", i=i + 1))  # fmt: skip
        units = (ua, ub)
        st.caption(tr("fw_units_note", n=hidden))
    elif hidden == 1:
        st.caption(tr("fw_one_unit_note"))


def start() -> None:
    """The input plane and X, before the first step."""
    left, right = st.columns([1, 1], gap="large")
    with left:
        st.markdown(tr("fw_start_text"))
        st.latex(latex_inputs(trace))
    with right:
        picture(space_plane, flat, act, hidden, lg, "input", units, highlight=ring)


STORY = (
    "story_linear1",
    f"story_activation_{act}",
    "story_linear2" + ("_identity" if act == "identity" else ""),
    "story_output",
    "story_loss",
)
ICONS = (":material/open_with:", ":material/waves:", ":material/merge:", ":material/percent:", ":material/target:")


def more_text(k: int) -> str:
    """Step k's explanation, true for this activation, width and these weights (is z2 = 0 drawn or outside?)."""
    if k == 1:
        return tr("fw_more1" + ("_one" if hidden == 1 else "_many" if hidden > 2 else ""), n=hidden)
    if k == 2:
        return tr(f"fw_more2_{act}")
    if k == 3:
        head = tr("fw_more3_one" if hidden == 1 else "fw_more3")
        line = output_line_sentence(flat, act, hidden, lg, units)
        return " ".join([head, line, tr("fw_train_identity" if act == "identity" else "fw_train_bent")])
    return tr(f"fw_more{k}", right=n_correct(trace.y_pred), **rule_values())


def step(k: int) -> None:
    """Forward step k (1..5) in its own container: sentence, the layer on the network, values, picture, equation.

    A slide, of a net of any width: the network picture takes the width (a wider net's compact), the equation of
    the units it draws under it, the values, the explanation and the plane folded (the picture is what the room
    reads); reading mode draws everything, open.
    """
    with st.container(key=f"step-forward-{k}"):
        values = forward_table(trace, k, rows, lg)
        if presenting():  # the picture's key line carries the lecture's sentence
            flow(k, f"{ICONS[k - 1]} **{tr(STORY[k - 1])}**")
            equations(k, slide=True)
            slide_fold(k, values)
            return
        lead(tr(STORY[k - 1]), ICONS[k - 1])
        reading_step(k, values)
        flow(k)
        equations(k, slide=False)


def flow(k: int, head: str = "") -> None:
    """Step k's layer on the network, the values so far on their nodes (the chosen row's or the batch's)."""
    row = None if len(rows) > 1 else rows[0]
    dot = forward_flow(trace, k, act, row, digits=6 if hidden <= 2 else 4, size=flow_size())
    flow_view("forward", k, dot, backward=False, row=row, hidden=hidden, head=head)


def reading_step(k: int, values) -> None:
    """Reading mode: the explanation and the values left, the picture right."""
    left, right = st.columns([6, 5], gap="large")  # the tables fit (1280 px)
    with left:
        st.markdown(more_text(k))  # the longer explanation, open
        st.markdown(f"**{tr('fw_values')}**")
        table(values)
        if k == 5:
            loss_metrics(st.columns(2, vertical_alignment="bottom"))
    with right:
        step_picture(k, legend="bottom")


def slide_fold(k: int, values) -> None:
    """A slide's fold: the values and the explanation beside the step's plane (or axis, or loss bars)."""
    with more():
        left, right = st.columns([5, 4] if k < 5 else [1, 1], gap="large")
        with left:
            table(values)
            if k == 5:
                loss_metrics(st.columns(2, vertical_alignment="bottom"))
            st.markdown(more_text(k))
        with right:
            step_picture(k, legend="right" if k == 5 else "bottom")


def loss_metrics(cols) -> object:
    """The loss, and the chosen row's term when one row is shown, in two columns; returns the second's box."""
    m1, m2 = cols
    m1.metric(tr("fw_loss_metric"), f"{trace.loss:.4f}")
    if len(rows) == 1:
        m2.metric(tr("fw_row_loss", row=ROW_LABELS[rows[0]]), f"{bce_terms(trace.y_pred[:, 0])[rows[0]]:.4f}")
    return m2


def step_picture(k: int, legend: str) -> None:
    """Step k's picture: the plane it maps the points to, the output axis, or the loss per input."""
    if k == 1:
        picture(space_plane, flat, act, hidden, lg, "z1", units, highlight=ring, legend=legend)
    elif k == 2:
        picture(space_plane, flat, act, hidden, lg, "h1", units, separator=False, highlight=ring, legend=legend)
    elif k == 3:
        picture(hidden_plane, flat, act, hidden, lg, units, highlight=ring, legend=legend)
    elif k == 4:
        picture(output_axis, trace.y_pred, lg, highlight=ring)
    else:
        picture(loss_chart, trace.y_pred, trace.loss, lg, legend=legend)


def equations(k: int, slide: bool) -> None:
    """Step k's equation with this seed's numbers (a slide: no heading, one block, the units its picture draws)."""
    if not slide:
        st.markdown(f"**{tr('fw_equation')}**")
    drawn = COMPACT if slide else None
    if k == 1:
        eqs = [latex_linear1(trace, rows, units=drawn)]
    elif k == 2:
        eqs = latex_activation(trace, rows, act, units=drawn)
    elif k == 3:
        eqs = [latex_linear2(trace, rows, units=drawn)]
    elif k == 4:
        eqs = [latex_output(trace, rows)]
    else:
        eqs = latex_loss(trace, rows)
    if slide and len(eqs) > 1:  # one block: the margins between separate equations push a slide off the screen
        eqs = [r"\begin{gathered}" + r" \\[6pt] ".join(eqs) + r"\end{gathered}"]
    for eq in eqs:
        st.latex(eq)


ASKS = {
    "step-4": [Ask("above-half", lambda: above_half(trace))],
    "step-5": [Ask("largest-term", lambda: largest_term(trace))],
}
show("forward", with_quiz("forward", [
    Section("intro", intro, slide=False),
    Section("start", start, tr("fw_start_header"), slide=False),
    *(Section(f"step-{k}", lambda k=k: step(k), tr(f"fw_step{k}")) for k in range(1, N_STEPS + 1)),
], ASKS))  # fmt: skip
