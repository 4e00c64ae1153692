"""The signal's path on the network: one Graphviz picture per Forward step (1..5) or Backprop gradient step (1..8).

Nodes: the inputs x₁, x₂ and a bias 1; per hidden unit z₁ (j) and h₁ (j) (a net wider than COMPACT draws units 1
and 2 and sums up the rest in one pair of nodes); a bias 1; z₂; ŷ; the loss L. Edges: W₁, b₁ into z₁ (j); f
from z₁ (j) to h₁ (j); W₂, b₂ into z₂; σ from z₂ to ŷ; the BCE from ŷ to L.

Every node and edge has an id (`flow-<name>`, an edge's name `<src>-><dst>`) and its role in the step as its
class: `target` (what the step computes), `upstream`, `local`, `value` (the factors of its equation, in the
equation's colours: palette.FLOW), `done` (computed before), `todo` (still to come, grey), `plain` (no part in
the step). A forward node shows its values, a backward node its gradient dL/d(node), an edge its parameter
(forward) or the parameter's gradient (backward); for the batch one number per input row, for one row that row's.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

import numpy as np

from ..backprop_rows import STEPS, row_share
from ..data import ROW_LABELS
from ..losses import bce_terms
from ..model import act_grad_np
from ..numfmt import num
from ..palette import FLOW, FLOW_FILL, TEXT
from ..text import t
from ..trace import Trace

FLOW_PT = 16  # DOT font size: a slide draws the picture at >= 1.2 px per point (>= 19 px text)
COMPACT = 2  # hidden units drawn one by one; a wider net's others are summed up in one pair of nodes
TODO = "#BBBBBB"  # still to come: grey lines, grey text
SUMMED = "…"  # a summary node's numbers, not written (as the slide's equation writes those units: ⋯)
FORWARD_STEPS = ("z1", "h1", "z2", "y_pred", "loss")  # what Forward step k computes
# Backprop step -> (what it computes, its upstream gradient, its local derivative, the value it multiplies),
# each a kind of element: "z1"/"h1" = every hidden unit's node, "W1"/"b1"/"W2"/"b2"/"f"/"sig"/"bce" = edges.
BACKWARD_ROLES: dict[str, tuple[str, str, str, str]] = {
    "d_y_pred": ("y_pred", "loss", "bce", ""),
    "d_z2": ("z2", "y_pred", "sig", ""),
    "d_W2": ("W2", "z2", "", "h1"),
    "d_b2": ("b2", "z2", "", "bias2"),
    "d_h1": ("h1", "z2", "", "W2"),
    "d_z1": ("z1", "h1", "f", ""),
    "d_W1": ("W1", "z1", "", "x"),
    "d_b1": ("b1", "z1", "", "bias1"),
}
FORWARD_ROLES: dict[str, tuple[str, ...]] = {  # forward: what the step computes from (value) and through (local)
    "z1": ("x", "bias1", "W1", "b1"), "h1": ("z1",), "z2": ("h1", "bias2", "W2", "b2"),
    "y_pred": ("z2",), "loss": ("y_pred",),
}  # fmt: skip
FORWARD_LOCAL = {"h1": "f", "y_pred": "sig", "loss": "bce"}
BACKWARD_NODE_STEP = {"y_pred": "d_y_pred", "z2": "d_z2", "h1": "d_h1", "z1": "d_z1"}  # a node's gradient
BACKWARD_EDGE_STEP = {"W2": "d_W2", "b2": "d_b2", "W1": "d_W1", "b1": "d_b1"}  # an edge's parameter gradient


@dataclass(frozen=True)
class Element:
    """One node or edge: its DOT name (an edge's 'src->dst'), kind, role in the step and lines of text."""

    name: str
    kind: str  # z1 h1 z2 y_pred loss x bias1 bias2 (nodes); W1 b1 W2 b2 f sig bce (edges)
    role: str
    lines: tuple[str, ...]
    extra: tuple[str, ...] = ()  # lines in the value colour under the others (the value it multiplies)


def units_drawn(hidden: int) -> list[int]:
    """The hidden units drawn one by one (0-based): all of a net up to COMPACT wide, else the first COMPACT."""
    return list(range(min(hidden, COMPACT)))


def _col(a: np.ndarray, row: int | None) -> np.ndarray:
    """The batch's column (one number per row) or the chosen row's one number."""
    a = np.ravel(a)
    return a if row is None else a[row : row + 1]


def _nums(a: np.ndarray, digits: int) -> tuple[str, ...]:
    return tuple(num(v, digits) for v in np.ravel(a))


def _pairs(nums: tuple[str, ...]) -> tuple[str, ...]:
    """Numbers two to a line (the four rows of the batch on two lines)."""
    return tuple(" ".join(nums[i : i + 2]) for i in range(0, len(nums), 2))


def _unit_name(sym: str, j: int | str) -> str:
    return f"{sym}₁ ({j})"


class _Picture:
    """Builds the elements of one step's picture (forward or backward)."""

    def __init__(self, trace: Trace, activation: str, row: int | None) -> None:
        self.tr, self.act, self.row = trace, activation, row
        self.H = trace.W1.shape[0]
        self.units = units_drawn(self.H)
        self.rest = self.H - len(self.units)  # summed up in the nodes z1_s, h1_s

    # -- the structure (names and kinds), the same in both directions
    def nodes(self) -> list[tuple[str, str, int | None]]:
        """(name, kind, hidden unit or None) of every node, in drawing order."""
        hid: list[tuple[str, str, int | None]] = [(f"{k}_{j + 1}", k, j) for k in ("z1", "h1") for j in self.units]
        if self.rest:
            hid += [("z1_s", "z1", None), ("h1_s", "h1", None)]
        return [("x1", "x", 0), ("x2", "x", 1), ("bias1", "bias1", None), *hid, ("bias2", "bias2", None),
                ("z2", "z2", None), ("y_pred", "y_pred", None), ("loss", "loss", None)]  # fmt: skip

    def edges(self) -> list[tuple[str, str, str, tuple[int, ...] | None]]:
        """(src, dst, kind, index of its parameter or None) of every edge."""
        out: list[tuple[str, str, str, tuple[int, ...] | None]] = []
        tags = [(f"_{j + 1}", j) for j in self.units] + ([("_s", None)] if self.rest else [])
        for tag, j in tags:
            out += [("x1", f"z1{tag}", "W1", None if j is None else (j, 0)),
                    ("x2", f"z1{tag}", "W1", None if j is None else (j, 1)),
                    ("bias1", f"z1{tag}", "b1", None if j is None else (j,)),
                    (f"z1{tag}", f"h1{tag}", "f", None if j is None else (j,)),
                    (f"h1{tag}", "z2", "W2", None if j is None else (0, j))]  # fmt: skip
        return [*out, ("bias2", "z2", "b2", (0,)), ("z2", "y_pred", "sig", None), ("y_pred", "loss", "bce", None)]

    # -- values
    def node_nums(self, kind: str, a: np.ndarray, digits: int) -> tuple[str, ...]:
        """A node's numbers, one a line; a hidden unit's two a line in a compact picture (its layers hold the
        summary node too: the picture stays about as tall as a 2-unit one)."""
        nums = _nums(a, digits)
        return _pairs(nums) if self.rest and kind in ("z1", "h1") else nums

    def forward_values(self, kind: str, j: int | None) -> np.ndarray:
        tr = self.tr
        if kind == "x":
            return _col(tr.X[:, j], self.row)
        if kind in ("z1", "h1"):
            return _col(getattr(tr, kind)[:, j], self.row)
        if kind in ("z2", "y_pred"):
            return _col(getattr(tr, kind), self.row)
        if kind == "loss":
            return np.array([tr.loss if self.row is None else bce_terms(tr.y_pred[:, 0], tr.y[:, 0])[self.row]])
        return np.array([1.0])  # a bias node

    def grads(self):  # -> Grads
        """Autograd's gradients: the batch's, or the chosen row's share (backprop_rows.row_share)."""
        g = self.tr.grads
        return g if self.row is None else row_share(g, self.tr, self.row)

    def node_grad(self, kind: str, j: int | None) -> np.ndarray:
        g = getattr(self.grads(), "d_" + kind)
        return np.ravel(g) if j is None and kind in ("z2", "y_pred") else np.ravel(np.atleast_2d(g)[:, j])

    def param(self, kind: str, idx: tuple[int, ...], grad: bool) -> float:
        tr = self.tr
        source = getattr(self.grads(), "d_" + kind) if grad else getattr(tr, kind)
        return float(np.asarray(source).reshape(np.shape(getattr(tr, kind)))[idx])

    def local(self, kind: str, j: int | None) -> np.ndarray:
        """The local derivative on an edge: σ'(z2) = ŷ(1 - ŷ), or f'(z1) of unit j."""
        tr = self.tr
        if kind == "sig":
            return _col(tr.y_pred * (1 - tr.y_pred), self.row)
        return _col(act_grad_np(self.act, tr.z1, tr.h1)[:, j], self.row)

    # -- titles
    def title(self, name: str, kind: str, j: int | None) -> str:
        if kind == "x":
            return f"x{'₁₂'[j or 0]}"
        if kind in ("bias1", "bias2"):
            return "1"
        if kind in ("z1", "h1"):
            sym = kind[0]
            rest = f"{COMPACT + 1}–{self.H}" if self.rest > 1 else self.H  # one unit summed up: its number alone
            return _unit_name(sym, j + 1 if j is not None else rest)
        return {"z2": "z₂", "y_pred": "ŷ", "loss": "L" if self.row is None else f"ℓ {ROW_LABELS[self.row]}"}[kind]

    def edge_symbol(self, kind: str) -> str:
        return {"f": "f", "sig": "σ", "bce": "BCE"}[kind]


def _role_of(kind: str, roles: dict[str, str]) -> str:
    return roles.get(kind, "")


def _data_lines(p: _Picture, title: str, kind: str, j: int | None) -> tuple[str, ...]:
    """An input's title and its 0s and 1s on one line (the layer's height is the hidden nodes'); a bias: its 1."""
    return (title,) if kind != "x" else (title, " ".join(_nums(p.forward_values(kind, j), 0)))


def backward_elements(trace: Trace, step: str, activation: str, row: int | None, digits: int) -> list[Element]:
    """Backprop step `step`'s picture: every node's gradient and every parameter's, by role."""
    p = _Picture(trace, activation, row)
    k = STEPS.index(step)
    target, upstream, local, value = BACKWARD_ROLES[step]
    roles = {target: "target", upstream: "upstream", local: "local", value: "value"}
    roles.pop("", None)

    def state(grad_step: str) -> str:
        i = STEPS.index(grad_step)
        return "done" if i < k else "target" if i == k else "todo"

    out: list[Element] = []
    for name, kind, j in p.nodes():
        title = p.title(name, kind, j)
        summary = j is None and kind in ("z1", "h1")
        if kind in ("x", "bias1", "bias2"):  # data: its values, no gradient
            role = _role_of(kind, roles) or "plain"
            out.append(Element(name, kind, role, _data_lines(p, title, kind, j)))
            continue
        if kind == "loss":  # dL/dL = 1: where the signal starts
            out.append(Element(name, kind, _role_of(kind, roles) or "done", (title, "1")))
            continue
        st = state(BACKWARD_NODE_STEP[kind])
        role = _role_of(kind, roles) or st
        shown = st != "todo"
        if summary:
            lines: tuple[str, ...] = (title, SUMMED) if shown else (title, "?")
        else:
            lines = (title, *p.node_nums(kind, p.node_grad(kind, j), digits)) if shown else (title, "?")
        extra = p.node_nums(kind, p.forward_values(kind, j), digits) if role == "value" and not summary else ()
        out.append(Element(name, kind, role, lines, extra))
    for src, dst, kind, idx in p.edges():
        name = f"{src}->{dst}"
        if kind in BACKWARD_EDGE_STEP:
            st = state(BACKWARD_EDGE_STEP[kind])
            role = _role_of(kind, roles) or st
            lines = (num(p.param(kind, idx, grad=True), digits),) if st != "todo" and idx is not None else ()
            extra = (
                (f"{kind[0].lower()} = {num(p.param(kind, idx, grad=False), digits)}",)
                if role == "value" and idx
                else ()
            )
            out.append(Element(name, kind, role, lines, extra))
            continue
        role = _role_of(kind, roles) or "plain"
        lines = (p.edge_symbol(kind) + "′",)
        if role == "local" and kind in ("sig", "f") and (kind == "sig" or idx is not None):
            vals = _nums(p.local(kind, None if idx is None else idx[0]), digits)
            lines += _pairs(vals)  # two rows a line: short
        out.append(Element(name, kind, role, lines))
    return out


def forward_elements(trace: Trace, k: int, activation: str, row: int | None, digits: int) -> list[Element]:
    """Forward step k's picture: the values computed so far on their nodes, the step's layer highlighted."""
    p = _Picture(trace, activation, row)
    order = ("x", *FORWARD_STEPS)
    made = FORWARD_STEPS[k - 1]
    uses = FORWARD_ROLES[made]
    out: list[Element] = []
    for name, kind, j in p.nodes():
        title = p.title(name, kind, j)
        summary = j is None and kind in ("z1", "h1")
        if kind in ("x", "bias1", "bias2"):
            role = "value" if kind in uses else "plain"
            out.append(Element(name, kind, role, _data_lines(p, title, kind, j)))
            continue
        at = order.index(kind)
        st = "done" if at < k else "target" if at == k else "todo"
        role = "value" if kind in uses else st
        if st == "todo":
            lines: tuple[str, ...] = (title, "?")
        elif summary:
            lines = (title, SUMMED)
        else:
            lines = (title, *p.node_nums(kind, p.forward_values(kind, j), digits))
        out.append(Element(name, kind, role, lines))
    for src, dst, kind, idx in p.edges():
        if kind in ("W1", "b1", "W2", "b2"):
            role = "value" if kind in uses else "plain"
            lines = (num(p.param(kind, idx, grad=False), digits),) if idx is not None else ()
        else:
            role = "local" if FORWARD_LOCAL.get(made) == kind else "plain"
            lines = (p.edge_symbol(kind),)
        out.append(Element(f"{src}->{dst}", kind, role, lines))
    return out


# ---------------------------------------------------------------- DOT


def _bold(text: str) -> str:
    """Bold label text with a no-break space each side: Graphviz sizes a box by its own font's widths, and the
    browser's bold runs wider (unpadded, the numbers ran over the box's edge)."""
    return f"<B>&#160;{text}&#160;</B>"


def _label(lines: tuple[str, ...], extra: tuple[str, ...], color: str, bold: bool, title: bool = True) -> str:
    """An HTML-like label: a title line (unless title=False) and the numbers, the value's lines in its colour."""
    rows = []
    for i, line in enumerate(lines):
        text = escape(line)
        if bold and (i > 0 or not title):
            text = _bold(text)
        rows.append(f'<FONT COLOR="{color}">{text}</FONT>')
    rows += [f'<FONT COLOR="{FLOW["value"]}">{_bold(escape(x))}</FONT>' for x in extra]
    return "<" + "<BR/>".join(rows) + ">"


def _node_attrs(e: Element) -> str:
    color = FLOW.get(e.role, TEXT if e.role != "todo" else TODO)
    fill = FLOW_FILL.get(e.role, "white")
    text = TODO if e.role == "todo" else TEXT
    width = 4 if e.role == "target" else 2.5 if e.role in FLOW else 1.2
    shape = "square, width=0.4" if e.kind in ("bias1", "bias2") else "box"
    style = '"rounded,filled,dashed"' if e.kind in ("bias1", "bias2") else '"rounded,filled"'
    label = _label(e.lines, e.extra, text, e.role == "target")
    return (f'id="flow-{e.name}", class="{e.role}", label={label}, shape={shape}, style={style}, '
            f'color="{color}", fillcolor="{fill}", penwidth={width}')  # fmt: skip


def _edge_attrs(e: Element, backward: bool) -> str:
    color = FLOW.get(e.role, {"todo": TODO, "done": TEXT}.get(e.role, "#9A9A9A"))
    width = 4.5 if e.role == "target" else 3 if e.role in FLOW else 2 if e.role == "done" else 1.2
    attrs = f'id="flow-{e.name.replace("->", "--")}", class="{e.role}", color="{color}", penwidth={width}'
    if e.lines or e.extra:
        text = color if e.role in FLOW and e.role != "value" else TEXT if e.role != "todo" else TODO
        attrs += f", label={_label(e.lines, e.extra, text, e.role == 'target', title=False)}"
    return attrs + (", dir=back" if backward else "")


def flow_dot(elements: list[Element], backward: bool, size: tuple[float, float] | None = None) -> str:
    """DOT text of a step's elements, left to right; size (inches): the drawing filled to that aspect (a slide)."""
    nodes = [e for e in elements if "->" not in e.name]
    kinds = {e.name: e.kind for e in nodes}
    # A slide fills its size; reading mode keeps the layout tight, so that its column's width still draws the
    # text at 16 px or more (the picture is scaled to the column: the narrower the layout, the larger its text).
    fit = f' ratio=fill; size="{size[0]},{size[1]}!";' if size else ""
    ranksep, margin = (0.5, "0.08,0.03") if size else (0.22, "0.04,0.03")
    lines = [
        "digraph flow {",
        f'  rankdir=LR; newrank=true; nodesep=0.12; ranksep={ranksep}; bgcolor="transparent";{fit}',
        f'  node [fontname="Helvetica", fontsize={FLOW_PT}, margin="{margin}"];',
        f'  edge [fontname="Helvetica", fontsize={FLOW_PT}, arrowsize=0.8];',
    ]
    lines += [f"  {e.name.replace('->', ' -> ')} [{_node_attrs(e)}];" for e in nodes]
    for group in (("x", "bias1"), ("z1",), ("h1", "bias2")):  # reading order top to bottom in each layer
        names = [n for n, kd in kinds.items() if kd in group]
        lines.append(f"  {{ rank=same; {' -> '.join(names)} [style=invis]; }}" if len(names) > 1 else "")
    lines += [f"  {e.name.replace('->', ' -> ')} [{_edge_attrs(e, backward)}];" for e in elements if "->" in e.name]
    lines.append("}")
    return "\n".join(x for x in lines if x)


def legend(lang: str, backward: bool) -> list[tuple[str, str]]:
    """The picture's key, (colour, meaning) per role in this direction, the equation's colours."""
    roles = ("target", "upstream", "local", "value") if backward else ("target", "value", "local")
    prefix = "fl_" if backward else "fl_f_"
    return [*((FLOW[r], t(lang, prefix + r)) for r in roles), (TODO, t(lang, "fl_todo"))]


def backward_flow(
    trace: Trace, step: int, activation: str, row: int | None = None, *, digits: int = 6,
    size: tuple[float, float] | None = None,
) -> str:  # fmt: skip
    """Backprop gradient step `step` (1..8) on the network as DOT: its gradient highlighted where it lives."""
    elements = backward_elements(trace, STEPS[step - 1], activation, row, digits)
    return flow_dot(elements, backward=True, size=size)


def forward_flow(
    trace: Trace, step: int, activation: str, row: int | None = None, *, digits: int = 6,
    size: tuple[float, float] | None = None,
) -> str:  # fmt: skip
    """Forward step `step` (1..5) on the network as DOT: the layer it computes highlighted."""
    return flow_dot(forward_elements(trace, step, activation, row, digits), backward=False, size=size)
