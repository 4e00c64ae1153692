"""The input plane's geometry for pictures: grids, marching squares, warped planes, the output's line."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from .data import X_NP
from .model import act_np, sigmoid_np, unflatten

PLANE = (-0.5, 1.5)  # input-plane window: the unit square and half a unit around it
CORNERS = np.array([[a, b] for a in PLANE for b in PLANE])  # (4, 2): the window's corners

GRID_STEP = 0.25  # spacing of the input-plane grid lines (hits 0, 0.5 and 1)

GRID_SAMPLES = 81  # points per grid line (step 0.025: hits 0, 0.5 and 1 exactly)


def axis_values(resolution: int) -> np.ndarray:
    """Grid coordinates over PLANE; rounded up to a multiple of 4 cells so 0, 0.5 and 1 are on it."""
    cells = max(4, int(np.ceil(resolution / 4)) * 4)
    return np.linspace(PLANE[0], PLANE[1], cells + 1)


def boundary_grid(flat: np.ndarray, activation: str, hidden: int, resolution: int = 80) -> pd.DataFrame:
    """y_pred over a (resolution+1)^2 grid on the input plane: columns x1, x2, y_pred."""
    xs = axis_values(resolution)
    g1, g2 = np.meshgrid(xs, xs)  # (n, n): row = x2 index, column = x1 index
    pts = np.stack([g1.ravel(), g2.ravel()], axis=1).astype(np.float32)  # (n*n, 2)
    pred = _predict(flat, activation, hidden, pts)
    return pd.DataFrame({"x1": pts[:, 0].astype(float), "x2": pts[:, 1].astype(float), "y_pred": pred})


def _predict(flat: np.ndarray, activation: str, hidden: int, pts: np.ndarray) -> np.ndarray:
    """y_pred (M,) for points (M, 2), float64 math on float32 params (pictures only)."""
    p = unflatten(np.asarray(flat, dtype=np.float32), hidden)
    with np.errstate(all="ignore"):
        z1 = pts.astype(np.float64) @ p["W1"].T.astype(np.float64) + p["b1"]  # (M, H)
        h1 = act_np(activation, z1)
        z2 = h1 @ p["W2"].T.astype(np.float64) + p["b2"]  # (M, 1)
        return sigmoid_np(z2)[:, 0]


def contour_segments(xs: np.ndarray, ys: np.ndarray, values: np.ndarray, level: float = 0.5) -> np.ndarray:
    """Marching squares: the level set of values (len(ys), len(xs)) as segments (K, 4) = x, y, x2, y2."""
    v = np.asarray(values, dtype=float) - level
    segs: list[tuple[float, float, float, float]] = []

    def cross(xa: float, ya: float, va: float, xb: float, yb: float, vb: float) -> tuple[float, float]:
        s = va / (va - vb)  # linear interpolation of the zero on the edge
        return xa + s * (xb - xa), ya + s * (yb - ya)

    above = v > 0
    # Cells whose four corners do not all agree are the only ones the contour crosses.
    c00, c01, c10, c11 = above[:-1, :-1], above[:-1, 1:], above[1:, :-1], above[1:, 1:]
    finite = np.isfinite(v[:-1, :-1]) & np.isfinite(v[:-1, 1:]) & np.isfinite(v[1:, :-1]) & np.isfinite(v[1:, 1:])
    mixed = ~((c00 == c01) & (c01 == c10) & (c10 == c11)) & finite
    for i, j in zip(*np.nonzero(mixed), strict=True):
        x0, x1, y0, y1 = xs[j], xs[j + 1], ys[i], ys[i + 1]
        v00, v01, v10, v11 = v[i, j], v[i, j + 1], v[i + 1, j], v[i + 1, j + 1]
        edges: dict[str, tuple[float, float]] = {}
        if (v00 > 0) != (v01 > 0):
            edges["B"] = cross(x0, y0, v00, x1, y0, v01)
        if (v01 > 0) != (v11 > 0):
            edges["R"] = cross(x1, y0, v01, x1, y1, v11)
        if (v10 > 0) != (v11 > 0):
            edges["T"] = cross(x0, y1, v10, x1, y1, v11)
        if (v00 > 0) != (v10 > 0):
            edges["L"] = cross(x0, y0, v00, x0, y1, v10)
        if len(edges) == 2:
            (ax, ay), (bx, by) = edges.values()
            segs.append((ax, ay, bx, by))
        elif len(edges) == 4:  # saddle: the cell centre decides which corners connect
            centre = (v00 + v01 + v10 + v11) / 4
            pairs = (("B", "R"), ("L", "T")) if (centre > 0) == (v00 > 0) else (("B", "L"), ("R", "T"))
            for e1, e2 in pairs:
                segs.append((*edges[e1], *edges[e2]))
    return np.array(segs, dtype=float).reshape(-1, 4)


def warped_grid(
    flat: np.ndarray, activation: str, hidden: int, stage: str, units: tuple[int, int] = (0, 1)
) -> pd.DataFrame:
    """Grid lines of the input plane carried to `stage` ('input', 'z1' or 'h1'), two units shown.

    Columns: line (id), family ('x1' lines hold x1 fixed), value (the fixed coordinate), order,
    x1, x2 (the input point), a, b (its coordinates in the stage's plane, units[0] and units[1]).
    """
    values = np.arange(PLANE[0], PLANE[1] + 1e-9, GRID_STEP)  # (L,) fixed coordinates
    s = np.linspace(PLANE[0], PLANE[1], GRID_SAMPLES)  # (S,) along each line
    rows = []
    for fam, col in (("x1", 0), ("x2", 1)):
        for k, c in enumerate(values):
            pts = np.empty((len(s), 2))
            pts[:, col], pts[:, 1 - col] = c, s
            rows.append((f"{fam}={c:g}", fam, float(c), pts, k))
    pts_all = np.concatenate([r[3] for r in rows])  # (2 L S, 2)
    ab = stage_coords(flat, activation, hidden, stage, pts_all, units)
    n = len(s)
    fixed = np.repeat([r[2] for r in rows], n)
    edge = [bool(np.isclose(r[2], 0) or np.isclose(r[2], 1)) for r in rows]
    return pd.DataFrame(  # one frame at once, not one per line concatenated (a replay draws it every frame)
        {
            "line": [r[0] for r in rows for _ in range(n)],
            "family": [r[1] for r in rows for _ in range(n)],
            "value": fixed,
            "order": np.tile(np.arange(n), len(rows)),
            "x1": pts_all[:, 0],
            "x2": pts_all[:, 1],
            "a": ab[:, 0],
            "b": ab[:, 1],
            "edge": np.repeat(edge, n),
        }
    )


def stage_coords(
    flat: np.ndarray, activation: str, hidden: int, stage: str, pts: np.ndarray, units: tuple[int, int] = (0, 1)
) -> np.ndarray:
    """Input points (M, 2) carried to stage 'input' / 'z1' / 'h1', as (M, 2) coordinates of two units.

    With hidden == 1 the second coordinate is 0 (the one unit plotted against 0).
    """
    pts = np.asarray(pts, dtype=np.float64)
    if stage == "input":
        return pts.copy()
    p = unflatten(np.asarray(flat, dtype=np.float32), hidden)
    with np.errstate(all="ignore"):
        z1 = pts @ p["W1"].T.astype(np.float64) + p["b1"]  # (M, H)
        v = z1 if stage == "z1" else act_np(activation, z1)
    if hidden == 1:
        return np.stack([v[:, 0], np.zeros(len(v))], axis=1)
    i, j = units
    return v[:, [i, j]]


def output_line(
    flat: np.ndarray, activation: str, hidden: int, units: tuple[int, int] = (0, 1)
) -> tuple[float, float, float]:
    """(w_i, w_j, c) of the output layer's line w_i h_i + w_j h_j + c = 0 in the plane of two units.

    c = b2 + sum over the other units k of W2[k] * mean_x h_k(x) (held at their mean over the 4 inputs).
    With hidden == 1: (w, 0, b2), a vertical line h = -b2 / w.
    """
    p = unflatten(np.asarray(flat, dtype=np.float32), hidden)
    w2 = p["W2"][0].astype(np.float64)  # (H,)
    b2 = float(p["b2"][0])
    if hidden == 1:
        return float(w2[0]), 0.0, b2
    i, j = units
    with np.errstate(all="ignore"):
        h = act_np(activation, X_NP.astype(np.float64) @ p["W1"].T.astype(np.float64) + p["b1"])  # (4, H)
    others = [k for k in range(hidden) if k not in (i, j)]
    c = b2 + float(sum(w2[k] * h[:, k].mean() for k in others))
    return float(w2[i]), float(w2[j]), c


def clip_line(wa: float, wb: float, c: float, xd: list[float], yd: list[float]) -> list[tuple[float, float]]:
    """The segment of wa a + wb b + c = 0 inside the box xd x yd (empty if it misses the box)."""
    if not all(np.isfinite([wa, wb, c])) or (abs(wa) < 1e-12 and abs(wb) < 1e-12):
        return []
    pts = []
    if abs(wb) > 1e-12:
        for a in xd:
            b = -(wa * a + c) / wb
            if yd[0] - 1e-9 <= b <= yd[1] + 1e-9:
                pts.append((a, b))
    if abs(wa) > 1e-12:
        for b in yd:
            a = -(wb * b + c) / wa
            if xd[0] - 1e-9 <= a <= xd[1] + 1e-9:
                pts.append((a, b))
    if len(pts) < 2:
        return []
    pts.sort()
    return [pts[0], pts[-1]]


def domain(*arrays: np.ndarray, pad: float = 0.08) -> list[float]:
    """[lo, hi] covering the finite values, padded; [0, 1] if there are none."""
    vals = np.concatenate([np.asarray(a, dtype=float).ravel() for a in arrays])
    vals = vals[np.isfinite(vals)]
    if vals.size == 0:
        return [0.0, 1.0]
    lo, hi = float(vals.min()), float(vals.max())
    span = hi - lo if hi > lo else max(abs(hi), 1.0)
    return [lo - pad * span, hi + pad * span]


def plane_domains(flat: np.ndarray, activation: str, hidden: int, stage: str, units: tuple[int, int],
                   grid: Mapping[str, Any], pts_ab: np.ndarray, separator: bool) -> tuple[list[float], list[float]]:  # fmt: skip
    """The x and y ranges a stage's plane is drawn over (the input plane: its fixed square window).

    grid: the warped grid's coordinates "a" and "b" (a DataFrame from warped_grid, or any arrays with its extremes).
    """
    if stage == "input":
        return [PLANE[0] - 0.1, PLANE[1] + 0.1], [PLANE[0] - 0.1, PLANE[1] + 0.1]
    xd = domain(grid["a"], pts_ab[:, 0])
    if hidden == 1 and stage == "h1" and separator:
        # One unit: the output's threshold is a point h = -b2 / w on the line; widen the axis to show it.
        wa, _, c = output_line(flat, activation, hidden, units)
        at = -c / wa if wa else np.nan
        if np.isfinite(at) and xd[0] - 3 * (xd[1] - xd[0]) < at < xd[1] + 3 * (xd[1] - xd[0]):
            xd = domain(grid["a"], pts_ab[:, 0], np.array([at]))
    yd = domain(grid["b"], pts_ab[:, 1]) if hidden > 1 else [-1.0, 1.0]
    return xd, yd


def run_plane_domains(
    params: np.ndarray, activation: str, hidden: int, units: tuple[int, int] = (0, 1)
) -> tuple[list[float], list[float]]:
    """h1-plane ranges that hold every epoch's plane_domains (params (E, 4H+1)): fixed axes for a replay.

    The warped grid's extremes lie on the input window's corners (z1 is affine in x, the activation
    monotone), so each epoch needs only the four corners besides the four points.
    """
    units = check_units(hidden, units)
    xs: list[float] = []
    ys: list[float] = []
    both = np.concatenate([CORNERS, X_NP])  # (8, 2): the corners, then the four points
    for flat in params:
        ab = stage_coords(flat, activation, hidden, "h1", both, units)
        corners, pts_ab = ab[:4], ab[4:]
        xd, yd = plane_domains(
            flat, activation, hidden, "h1", units, {"a": corners[:, 0], "b": corners[:, 1]}, pts_ab, True
        )
        xs += xd
        ys += yd
    return [min(xs), max(xs)], [min(ys), max(ys)]


def output_line_shown(
    flat: np.ndarray,
    activation: str,
    hidden: int,
    units: tuple[int, int] = (0, 1),
    domains: tuple[list[float], list[float]] | None = None,
) -> bool:
    """Whether the output layer's line z2 = 0 crosses the h1 plane as hidden_plane draws it (over `domains` if given)."""
    units = check_units(hidden, units)
    if domains is None:
        grid = warped_grid(flat, activation, hidden, "h1", units)
        pts_ab = stage_coords(flat, activation, hidden, "h1", X_NP, units)
        domains = plane_domains(flat, activation, hidden, "h1", units, grid, pts_ab, True)
    xd, yd = domains
    return bool(clip_line(*output_line(flat, activation, hidden, units), xd, yd))


def check_units(hidden: int, units: tuple[int, int]) -> tuple[int, int]:
    """Two distinct unit indices < hidden (any pair for hidden == 1 means the one unit)."""
    if hidden == 1:
        return (0, 0)
    i, j = (int(u) for u in units)
    if not (0 <= i < hidden and 0 <= j < hidden and i != j):
        raise ValueError(f"units={units!r} is not allowed: use two different units in 0..{hidden - 1}")
    return i, j
