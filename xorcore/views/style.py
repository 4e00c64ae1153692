"""Shared chart style: sizes, autosize, and axes, legends and titles with projector-size fonts."""

from __future__ import annotations

import altair as alt

from .. import palette

CHART_SIZE = 300  # plot-area height of a plane (and its width outside Streamlit)

# fit-x: the width follows the container (st.altair_chart(width="stretch")) and `height` is the
# plot area alone. Streamlit's default for a chart without autosize is "fit", which squeezes
# titles, axes and legends into `height` and leaves a tiny plot.
AUTOSIZE = alt.AutoSizeParams(type="fit-x", contains="padding")
SLIDE_CHART_HEIGHT = 140  # a plane's plot height on a slide (reading mode: CHART_SIZE)
_ENCODINGS = ("color", "shape", "fill", "stroke", "strokeDash", "size", "strokeWidth", "opacity")


def fit(chart, height: int = SLIDE_CHART_HEIGHT, *, slide: bool):  # -> alt.TopLevelMixin
    """An Altair chart as a slide draws it: a lower plot (its width follows the column).

    `height` is the plot area alone (fit-x): the title and the axes are added around it, never squeezed
    into it (Streamlit's default "fit" would push a chart's title out of its box). slide: whether it is for a
    slide (the caller says: a cached builder's key must hold it).
    """
    return chart.properties(height=height, autosize=AUTOSIZE) if slide else chart


def without_legends(chart):  # -> alt.TopLevelMixin
    """A copy of a (layered) chart without its legends: four planes in a row leave no room for them."""
    out = chart.copy(deep=True)
    todo = [out]
    while todo:
        part = todo.pop()
        todo += list(getattr(part, "layer", None) or [])
        enc = getattr(part, "encoding", None)
        for channel in _ENCODINGS:
            value = getattr(enc, channel, None) if enc not in (None, alt.Undefined) else None
            if value is not None and value is not alt.Undefined and hasattr(value, "legend"):
                value.legend = None
    return out


def axis(title: str, **kw: object) -> alt.Axis:
    """An axis with projector-size fonts."""
    return alt.Axis(title=title, labelFontSize=palette.FONT_SIZE, titleFontSize=palette.FONT_SIZE,
                    labelColor=palette.TEXT, titleColor=palette.TEXT, **kw)  # fmt: skip


def legend(title: str, **kw: object) -> alt.Legend:
    """A legend with projector-size fonts; labelLimit 0 (the default) never cuts a label short."""
    kw.setdefault("labelLimit", 0)
    return alt.Legend(title=title, labelFontSize=palette.FONT_SIZE, titleFontSize=palette.FONT_SIZE,
                      labelColor=palette.TEXT, titleColor=palette.TEXT, **kw)  # fmt: skip


def without_subtitle(chart):  # -> alt.TopLevelMixin
    """A copy of a chart without its title's subtitle (a third of a slide cuts it short; the alt text keeps it)."""
    out = chart.copy(deep=True)
    if isinstance(out.title, alt.Title):
        out.title = alt.Title(out.title.text, **{k: v for k, v in out.title.to_dict().items() if "subtitle" not in k
                                                and k != "text"})  # fmt: skip
    return out


def title(text: str, subtitle: str | list[str] | None = None) -> alt.Title:
    """A chart title (and optional subtitle) with projector-size fonts."""
    kw: dict[str, object] = {"fontSize": palette.TITLE_SIZE, "anchor": "start"}
    if subtitle:
        kw.update(subtitle=subtitle, subtitleFontSize=palette.FONT_SIZE, subtitleColor="#444444")
    return alt.Title(text, **kw)
