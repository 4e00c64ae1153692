"""Forward Pass: Linear 1, activation, Linear 2, output, loss, with numbers, equations and pictures."""

import streamlit as st

from app_pages._charts import chart
from app_pages._sections import Section, more, presenting, show, wide_net
from app_pages._shared import config, lang, tr, upright
from xorcore import build_model
from xorcore import trace as trace_of
from xorcore.data import ROW_LABELS
from xorcore.losses import bce_terms
from xorcore.model import flatten
from xorcore.outcome import n_correct, rule_values
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
    spec = chart(build, *args, **kwargs)
    if not PRESENT:  # a slide has no room for it; the chart's alt text says it
        st.caption(spec["description"])


def table(df) -> None:
    """A values table with 4 decimals in every float column."""
    num = st.column_config.NumberColumn(format="%.4f")
    turned = upright(df, index=False)  # 8 hidden units: one row per column of the batch table
    cols = {c: num for c in turned.columns if turned[c].dtype.kind == "f"}
    st.dataframe(turned, hide_index=turned is df, width="stretch", column_config=cols)


def drawn_units(df, k: int):
    """Step k's table with only the two hidden units the picture draws (a wide net's slide; all of them are folded)."""
    key = {1: "ch_col_z", 2: "ch_col_h"}.get(k)
    if key is None:
        return df
    return df.drop(columns=[tr(key, unit=i + 1) for i in range(hidden) if i not in units])


PRESENT = presenting()
# A slide of a net wider than 2 units: the drawn units' table beside a wider picture (legends at its right),
# the batch equation on one line under both; the whole table is folded with the explanation.
WIDE = wide_net(hidden)
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
    """Forward step k (1..5) in its own container: sentence, explanation, values, picture, equation."""
    with st.container(key=f"step-forward-{k}"):
        if PRESENT:  # the lecture's sentence under the slide's title
            st.markdown(f"{ICONS[k - 1]} **{tr(STORY[k - 1])}**")
        else:
            st.info(tr(STORY[k - 1]), icon=ICONS[k - 1])
        # [6, 5]: the tables fit (1280 px); a slide's step 5 halves the row to give the legend room
        spec = ([5, 3] if k < 5 else [1, 1]) if PRESENT else [6, 5]
        if WIDE and k <= 3:  # step 3's table has three columns: the picture (and its lines legend) takes two thirds
            spec = [4, 5] if k < 3 else [1, 2]
        left, right = st.columns(spec, gap="large")
        values = forward_table(trace, k, rows, lg)
        with left:
            if not PRESENT:
                explanation(k)
                st.markdown(f"**{tr('fw_values')}**")
            table(drawn_units(values, k) if WIDE else values)
            if k == 5:
                m1, m2 = st.columns(2, vertical_alignment="bottom")
                m1.metric(tr("fw_loss_metric"), f"{trace.loss:.4f}")
                if len(rows) == 1:
                    m2.metric(
                        tr("fw_row_loss", row=ROW_LABELS[rows[0]]), f"{bce_terms(trace.y_pred[:, 0])[rows[0]]:.4f}"
                    )
            if PRESENT:  # folded on a slide, under the values (step 5: beside the loss, where m2 is free)
                with m2 if k == 5 else st.container():
                    explanation(k, values if WIDE and k <= 2 else None)
        side = "right" if WIDE else "bottom"  # where a plane's legends sit
        with right:
            if k == 1:
                picture(space_plane, flat, act, hidden, lg, "z1", units, highlight=ring, legend=side)
            elif k == 2:
                picture(space_plane, flat, act, hidden, lg, "h1", units, separator=False, highlight=ring, legend=side)
            elif k == 3:
                picture(hidden_plane, flat, act, hidden, lg, units, highlight=ring, legend=side)
            elif k == 4:
                picture(output_axis, trace.y_pred, lg, highlight=ring)
            else:
                # on a slide the legend sits beside the bars: the two equations below keep their room
                picture(loss_chart, trace.y_pred, trace.loss, lg, legend="right" if PRESENT else "bottom")
        equations(k)


def explanation(k: int, values=None) -> None:
    """Step k's longer explanation (folded on a slide), and the whole table of values if given."""
    with more():
        st.markdown(more_text(k))
        if values is not None:
            st.markdown(f"**{tr('fw_all_units', n=hidden)}**")
            table(values)


def equations(k: int) -> None:
    """Step k's equation with this seed's numbers (a slide has no room for the heading)."""
    if not PRESENT:
        st.markdown(f"**{tr('fw_equation')}**")
    if k == 1:
        eqs = [latex_linear1(trace, rows, one_line=WIDE)]
    elif k == 2:
        eqs = latex_activation(trace, rows, act)
    elif k == 3:
        eqs = [latex_linear2(trace, rows, one_line=WIDE)]
    elif k == 4:
        eqs = [latex_output(trace, rows)]
    else:
        eqs = latex_loss(trace, rows)
    if PRESENT and len(eqs) > 1:  # one block: the margins between separate equations push a slide off the screen
        eqs = [r"\begin{gathered}" + r" \\[6pt] ".join(eqs) + r"\end{gathered}"]
    for eq in eqs:
        st.latex(eq)


show("forward", [
    Section("intro", intro, slide=False),
    Section("start", start, tr("fw_start_header"), slide=False),
    *(Section(f"step-{k}", lambda k=k: step(k), tr(f"fw_step{k}")) for k in range(1, N_STEPS + 1)),
])  # fmt: skip
