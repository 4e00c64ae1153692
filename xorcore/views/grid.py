"""The Experiments grid as pictures: success heatmap, final-loss strips, column labels."""

from __future__ import annotations

import altair as alt
import numpy as np

from .. import palette
from ..experiments import GridResult
from ..losses import LOG_CLAMP, n_clamped
from ..text import t
from . import style

LOSS_FLOOR = 1e-6  # the strip's log axis cannot show 0: a final loss below this is drawn at it


def col_label(kind: str, col: object, lang: str, short: bool = False) -> str:
    """How a column shows: the optimizer's name (short: for chart axes), or the learning rate as 0.01."""
    if kind == "optimizers":
        return t(lang, f"ex_short_{col}" if short else f"opt_{col}")
    return f"{float(col):g}"  # type: ignore[arg-type]


def headline(grid: GridResult, lang: str, prefer: object = None) -> str:
    """The grid's headline, counted from its cells: sigmoid against ReLU in one column (`prefer` if the grid
    has it, else the first), how many settings learned from every seed, and the lowest rate."""
    n = grid.seeds
    parts = []
    if {"sigmoid", "relu"} <= set(grid.rows):
        col = prefer if prefer in grid.cols else grid.cols[0]
        sig, relu = grid.cell("sigmoid", col), grid.cell("relu", col)
        parts.append(t(lang, "ex_head_relu", col=col_label(grid.kind, col, lang), sig=t(lang, "act_sigmoid"),
                       relu=t(lang, "act_relu"), a=sig.n_success, b=relu.n_success, n=n))  # fmt: skip
    cells = list(grid.cells.items())
    full = sum(c.n_success == c.n for _, c in cells)
    if full == len(cells):
        parts.append(t(lang, "ex_head_every", cells=len(cells), n=n))
    else:
        key = "ex_head_none" if full == 0 else "ex_head_all"
        parts.append(t(lang, key, full=full, cells=len(cells), lowest=lowest(grid, lang)))
    return " ".join(parts)


def lowest(grid: GridResult, lang: str) -> str:
    """The lowest success count and every setting at it: one named, or the tie counted and listed by row."""
    k = min(c.n_success for c in grid.cells.values())
    tied = [(row, col) for (row, col), c in grid.cells.items() if c.n_success == k]
    if len(tied) == 1:
        row, col = tied[0]
        name = f"{t(lang, f'act_{row}')} · {col_label(grid.kind, col, lang)}"
        return t(lang, "ex_low_one", worst=name, k=k, n=grid.seeds)
    if len(tied) == len(grid.cells):
        return t(lang, "ex_low_every", k=k, n=grid.seeds)
    groups = []
    for row in grid.rows:
        cols = [col for r, col in tied if r == row]
        if cols:
            which = t(lang, "ex_low_all_cols", m=len(cols)) if len(cols) == len(grid.cols) > 1 else ", ".join(
                col_label(grid.kind, col, lang) for col in cols)  # fmt: skip
            groups.append(f"{t(lang, f'act_{row}')}: {which}")
    return t(lang, "ex_low_tie", m=len(tied), k=k, n=grid.seeds, names="; ".join(groups))


def success_heatmap(grid: GridResult, lang: str, slide: bool = False) -> alt.LayerChart:
    """Success rate per cell as a heatmap, with 'successes / runs' written in each cell.

    slide: lower rows and every text at palette.FONT_SIZE (a projector's back row), for a 1280 x 720 slide.
    """
    font = palette.FONT_SIZE if slide else palette.FONT_SIZE - 2
    row_px = 40 if slide else 60
    dark = {"labelColor": palette.TEXT, "titleColor": palette.TEXT} if slide else {}  # 12.6:1 on white
    bar = {"gradientLength": row_px * len(grid.rows) - 40} if slide else {}  # the legend no taller than the rows
    s = grid.summary()
    s["act"] = [t(lang, f"act_{r}") for r in s["row"]]
    s["column"] = [col_label(grid.kind, c, lang, short=True) for c in s["col"]]
    s["label"] = [f"{k}/{n}" for k, n in zip(s["successes"], s["runs"], strict=True)]
    rows = [t(lang, f"act_{r}") for r in grid.rows]
    cols = [col_label(grid.kind, c, lang, short=True) for c in grid.cols]
    x = alt.X("column:N", sort=cols, axis=_axis(t(lang, f"ex_axis_{grid.kind}"), labelAngle=0, orient="top",
                                                 labelFontSize=font, **dark))  # fmt: skip
    y = alt.Y("act:N", sort=rows, axis=_axis(t(lang, "ex_axis_activation"), labelLimit=320, labelFontSize=font,
                                             **dark))  # fmt: skip
    base = alt.Chart(s).encode(x=x, y=y)
    rate = alt.Color(
        "rate:Q", scale=alt.Scale(domain=[0, 1], range=["#F7F7F7", palette.POS]),
        legend=alt.Legend(title=t(lang, "ex_legend_rate"), format="%", labelFontSize=font,
                          titleFontSize=max(font, palette.FONT_SIZE - 1), **dark, **bar),
    )  # fmt: skip
    tips = [alt.Tooltip("act:N", title=t(lang, "ex_axis_activation")),
            alt.Tooltip("column:N", title=t(lang, f"ex_axis_{grid.kind}")),
            alt.Tooltip("label:N", title=t(lang, "ex_legend_rate")),
            alt.Tooltip("rate:Q", format=".0%", title=t(lang, "ex_legend_rate"))]  # fmt: skip
    cells = base.mark_rect(stroke="white", strokeWidth=2).encode(color=rate, tooltip=tips)
    text = base.mark_text(fontSize=palette.FONT_SIZE + 2, fontWeight="bold").encode(
        text="label:N",
        color=alt.condition(alt.datum.rate > 0.55, alt.value("white"), alt.value("#222222")),
    )
    return (cells + text).properties(
        # Streamlit fits the whole chart (axes, title, legend) into this box: add room for them
        width=min(130 * len(cols), 650) + 300, height=row_px * len(rows) + 120,
        title=style.title(t(lang, "ex_heat_title")),
        description=t(lang, "ex_heat_desc", cols=t(lang, f"ex_axis_{grid.kind}").lower()),
    )  # fmt: skip


def loss_strip(grid: GridResult, lang: str) -> alt.FacetChart:
    """Final loss of every run (log scale), one panel per activation, one jittered strip per column."""
    r = grid.runs()
    r = r[np.isfinite(r["final_loss"])].copy()
    r["act"] = [t(lang, f"act_{a}") for a in r["row"]]
    r["column"] = [col_label(grid.kind, c, lang, short=True) for c in r["col"]]
    r["loss"] = np.maximum(r["final_loss"].astype(float), LOSS_FLOOR)  # a log axis cannot show 0
    learned, failed = t(lang, "ex_learned"), t(lang, "ex_failed")
    r["outcome"] = np.where(r["success"], learned, failed)
    # deterministic jitter in [-0.5, 0.5): the same picture on every rerun
    r["jitter"] = ((r["seed"].to_numpy() * 0.6180339887) % 1.0) - 0.5
    cols = [col_label(grid.kind, c, lang, short=True) for c in grid.cols]
    rows = [t(lang, f"act_{a}") for a in grid.rows]
    dots = (
        alt.Chart()
        .mark_circle(size=38, opacity=0.65)
        .encode(
            x=alt.X("column:N", sort=cols,
                      axis=_axis(t(lang, f"ex_axis_{grid.kind}"), labelAngle=-25, labelOverlap=False)),
            xOffset=alt.XOffset("jitter:Q", scale=alt.Scale(domain=[-0.9, 0.9])),
            y=alt.Y("loss:Q", scale=alt.Scale(type="log"), axis=_axis(t(lang, "ex_axis_loss"), format=".0e")),
            color=alt.Color("outcome:N", scale=alt.Scale(domain=[learned, failed], range=[palette.POS, palette.NEG]),
                            legend=alt.Legend(title=t(lang, "ex_legend_outcome"), orient="top", direction="horizontal",
                                              labelFontSize=palette.FONT_SIZE - 2,
                                              titleFontSize=palette.FONT_SIZE - 1)),
            tooltip=[alt.Tooltip("seed:Q", title=t(lang, "ex_col_seed")),
                     alt.Tooltip("final_loss:Q", format=".3g", title=t(lang, "ex_col_loss")),
                     alt.Tooltip("outcome:N", title=t(lang, "ex_legend_outcome"))],
        )
    )  # fmt: skip
    ln2 = alt.Chart().mark_rule(strokeDash=[6, 4], color="#444444", size=1.5).encode(y=alt.datum(float(np.log(2))))
    width = max(150, min(58 * len(cols), 232))  # per panel; panels wrap, three to a row
    return (
        alt.layer(dots, ln2, data=r)
        .properties(width=width, height=260)
        .facet(
            facet=alt.Facet("act:N", sort=rows, header=alt.Header(title=None, labelFontSize=palette.FONT_SIZE,
                                                                   labelFontWeight="bold")),
            columns=3,
        )
        .properties(
            title=style.title(t(lang, "ex_loss_title")),
            description=t(lang, "ex_loss_desc", col=t(lang, f"ex_axis_{grid.kind}").lower()) + strip_notes(grid, lang),
            padding={"left": 5, "top": 20, "right": 5, "bottom": 30},  # room for the title and the last axis
        )
    )  # fmt: skip


def _axis(title: str, **kw: object) -> alt.Axis:
    """An axis with projector-size fonts."""
    kw.setdefault("labelFontSize", palette.FONT_SIZE - 2)
    return alt.Axis(title=title, titleFontSize=palette.FONT_SIZE, **kw)


def strip_notes(grid: GridResult, lang: str) -> str:
    """What loss_strip draws other than at the run's loss: runs below LOSS_FLOOR, runs with a term at BCE's cap."""
    loss = np.concatenate([c.final_loss[np.isfinite(c.final_loss)] for c in grid.cells.values()]).astype(float)
    notes = []
    low = loss[loss < LOSS_FLOOR]
    if len(low):
        notes.append(t(lang, "ex_loss_floor", k=len(low), floor=_sci(LOSS_FLOOR), low=_sci(float(low.min()))))
    capped = {key: np.array([n_clamped(p) > 0 for p in c.final_pred], bool) for key, c in grid.cells.items()}
    at_cap = np.concatenate([c.final_loss[capped[key]] for key, c in grid.cells.items()]).astype(float)
    if len(at_cap):
        notes.append(t(lang, "ex_loss_cap", k=f"{len(at_cap):,}", m=sum(v.any() for v in capped.values()),
                       cap=f"{-LOG_CLAMP:g}", floor=f"{-LOG_CLAMP / 4:g}", high=f"{np.nanmax(at_cap):.2f}"))  # fmt: skip
    return "".join(" " + n for n in notes)


def _sci(v: float) -> str:
    """A small positive number as 1e-6, 1.2e-7 (0 as 0)."""
    return "0" if v <= 0 else f"{v:.2g}".replace("e-0", "e-")
