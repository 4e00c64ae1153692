"""The network as a Graphviz DOT diagram: every weight and bias an edge, colour by sign, width by size."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from ..palette import DEAD, FONT_SIZE, NEUTRAL, sign_color
from . import style


def _edge_style(value: float, scale: float) -> tuple[str, float]:
    """An edge's colour (the sign) and width (the size of value against the largest, `scale`)."""
    width = 0.6 + 5.0 * min(abs(value) / scale, 1.0) if np.isfinite(value) and scale > 0 else 0.6
    return (sign_color(value) if np.isfinite(value) else NEUTRAL), width


def _edge(src: str, dst: str, value: float, scale: float, fmt: str) -> str:
    """One DOT edge whose colour is the sign and width the size of value."""
    color, width = _edge_style(value, scale)
    return f'  {src} -> {dst} [label="{value:{fmt}}", color="{color}", fontcolor="{color}", penwidth={width:.2f}];'


def network(
    params: dict[str, np.ndarray],
    grads: dict[str, np.ndarray] | None = None,
    dead: list[bool] | None = None,
    dead_label: str = "dead",
    hidden_values: np.ndarray | None = None,
) -> str:
    """DOT text of the 2-H-1 net; with grads, edges show dL/dθ instead of θ."""
    W1, b1, W2, b2 = (np.asarray(params[k], dtype=float) for k in ("W1", "b1", "W2", "b2"))
    show = params if grads is None else grads
    sW1, sb1, sW2, sb2 = (np.asarray(show[k], dtype=float).reshape(np.shape(v)) for k, v in
                          (("W1", W1), ("b1", b1), ("W2", W2), ("b2", b2)))  # fmt: skip
    H = W1.shape[0]
    values = np.concatenate([sW1.ravel(), sb1.ravel(), sW2.ravel(), sb2.ravel()])
    finite = values[np.isfinite(values)]
    scale = float(np.abs(finite).max()) if finite.size else 1.0
    fmt = ".3f" if grads is None else ".4f"
    lines = [
        "digraph net {",
        '  rankdir=LR; newrank=true; splines=true; nodesep=0.35; ranksep=2.2; bgcolor="transparent";',
        '  node [shape=circle, fontname="Helvetica", fontsize=16, width=0.8, fixedsize=true];',
        '  edge [fontname="Helvetica", fontsize=13, arrowsize=0.6];',
        '  x1 [label="x₁"]; x2 [label="x₂"]; bias1 [label="1", shape=square, width=0.45, style=dashed];',
    ]
    hid = []
    for i in range(H):
        is_dead = bool(dead and dead[i])
        extra = f"\\n{hidden_values[i]:.2f}" if hidden_values is not None else ""
        label = f"h{_sub(i + 1)}{extra}" + (f"\\n{dead_label}" if is_dead else "")
        style = f', style="dashed,filled", fillcolor="{DEAD}"' if is_dead else ""
        hid.append(f'h{i} [label="{label}"{style}];')
    lines.append("  " + " ".join(hid) + ' bias2 [label="1", shape=square, width=0.45, style=dashed];')
    lines.append('  y [label="ŷ", shape=doublecircle, width=0.7];')
    # Invisible same-rank chains keep x1, x2, 1 and h1..hH, 1 in reading order, top to bottom.
    order = " -> ".join([*(f"h{i}" for i in range(H)), "bias2"])
    lines.append("  { rank=source; x1 -> x2 -> bias1 [style=invis]; }")
    lines.append("  { rank=sink; y; }")
    lines.append(f"  {{ rank=same; {order} [style=invis]; }}")
    for i in range(H):
        lines.append(_edge("x1", f"h{i}", sW1[i, 0], scale, fmt))
        lines.append(_edge("x2", f"h{i}", sW1[i, 1], scale, fmt))
        lines.append(_edge("bias1", f"h{i}", sb1[i], scale, fmt))
        lines.append(_edge(f"h{i}", "y", sW2[0, i], scale, fmt))
    lines.append(_edge("bias2", "y", sb2[0], scale, fmt))
    lines.append("}")
    return "\n".join(lines)


def _sub(n: int) -> str:
    """Subscript digits: 12 -> '₁₂'."""
    return str(n).translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"))


def network_frames(params: dict[str, np.ndarray], dead: list[bool] | None = None, dead_label: str = "dead") -> dict:
    """network()'s picture as data (vega.Frames): the nodes at fixed places, the edges with network's labels,
    colours and widths. A replay draws it with network_chart, which the browser updates in place every frame."""
    W1, b1, W2, b2 = (np.asarray(params[k], dtype=float) for k in ("W1", "b1", "W2", "b2"))
    H = W1.shape[0]
    values = np.concatenate([W1.ravel(), b1.ravel(), W2.ravel(), b2.ravel()])
    finite = values[np.isfinite(values)]
    scale = float(np.abs(finite).max()) if finite.size else 1.0
    mid = [2 * k / H for k in range(H + 1)]  # h1..hH, then the second bias, top to bottom
    place = {"x1": (0.0, 0.0), "x2": (0.0, 1.0), "bias1": (0.0, 2.0), "bias2": (1.0, mid[H]), "y": (2.0, 1.0)}
    place.update({f"h{i}": (1.0, mid[i]) for i in range(H)})
    nodes = [("x1", "x₁", "circle", "white"), ("x2", "x₂", "circle", "white"), ("bias1", "1", "square", "white")]
    for i in range(H):
        is_dead = bool(dead and dead[i])
        nodes.append((f"h{i}", f"h{_sub(i + 1)}" + (f"\n{dead_label}" if is_dead else ""), "circle",
                      DEAD if is_dead else "white"))  # fmt: skip
    nodes += [("bias2", "1", "square", "white"), ("y", "ŷ", "circle", "white")]
    edges = []
    for src, dst, v, at in [
        *((s, f"h{i}", val, 0.3) for i in range(H)
          for s, val in (("x1", W1[i, 0]), ("x2", W1[i, 1]), ("bias1", b1[i]))),
        *((f"h{i}", "y", W2[0, i], 0.5) for i in range(H)),
        ("bias2", "y", b2[0], 0.5),
    ]:  # fmt: skip
        (xa, ya), (xb, yb) = place[src], place[dst]
        color, width = _edge_style(float(v), scale)
        edges.append((xa, ya, xb, yb, xa + at * (xb - xa), ya + at * (yb - ya), f"{v:.3f}", color, width))
    return {
        "edges": pd.DataFrame(edges, columns=["x", "y", "x2", "y2", "lx", "ly", "label", "color", "width"]),
        "nodes": pd.DataFrame(
            [(*place[n], label, shape, fill) for n, label, shape, fill in nodes],
            columns=["x", "y", "label", "shape", "fill"],
        ),
    }


def network_chart(frames: dict) -> alt.LayerChart:
    """network_frames' picture: edges coloured by sign, as wide as their size, labelled; nodes on top."""
    xs, ys = alt.Scale(domain=[-0.15, 2.15]), alt.Scale(domain=[-0.3, 2.3], reverse=True)
    x, y = alt.X("x:Q", axis=None, scale=xs), alt.Y("y:Q", axis=None, scale=ys)
    edges = alt.Chart(frames["edges"])
    nodes = alt.Chart(frames["nodes"])
    none = alt.Scale(type="identity")  # no scale: each row's own colour and width
    return (
        alt.layer(
            edges.mark_rule().encode(
                x=x,
                y=y,
                x2="x2:Q",
                y2="y2:Q",
                color=alt.Color("color:N", scale=None),
                strokeWidth=alt.StrokeWidth("width:Q", scale=none),
            ),
            edges.mark_text(fontSize=FONT_SIZE - 3, fontWeight="bold", dy=-9).encode(
                x=alt.X("lx:Q", scale=xs),
                y=alt.Y("ly:Q", scale=ys),
                text="label:N",
                color=alt.Color("color:N", scale=None),
            ),
            nodes.mark_point(size=2200, filled=True, stroke="black", strokeWidth=1.5, opacity=1).encode(
                x=x, y=y, shape=alt.Shape("shape:N", scale=None), fill=alt.Fill("fill:N", scale=None)
            ),
            nodes.mark_text(fontSize=FONT_SIZE, lineBreak="\n").encode(x=x, y=y, text="label:N"),
        )
        .properties(width=640, height=300, autosize=style.AUTOSIZE)
        .configure_view(stroke=None)
    )
