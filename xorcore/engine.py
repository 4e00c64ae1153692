"""The fast path: many runs of one (activation, hidden) trained as one numpy program.

Every run b has its own flat parameter row [W1 (H*2), b1 (H), W2 (H), b2 (1)] (model.flatten's order).
The forward and backward passes are written out by hand (the same chain rule as
trace.by_hand) and the optimizers follow torch.optim's update formulas, so the
numbers equal a plain nn.Linear + torch.optim + loss.backward() loop (tests/test_engine.py).

Why it is fast: at this size every numpy call costs ~1 us of overhead whatever its
size, so the loop is written to make as few calls per epoch as possible (~35), each
on all B runs at once, in place (out=), with no temporaries:
- runs live on the LAST axis (B contiguous), so every broadcast has a long inner loop;
- internally the parameters are the rows of Q (4H+1, B) in the order
  [w_h0, w_h1, b1_h for each h] + [W2_0..W2_{H-1}, b2]; as the inputs are 0/1, layer 1
  is four adds per epoch (z1 at (0,0) is b1, at (0,1) b1 + w_h1, ...), not a BLAS
  product: BLAS sums in an order that depends on B, and a run must give the same bits
  alone or in a batch of any size;
- the hidden layer is stored NEGATED, -h1, with a constant row -1 for b2: then
  -z2 = sum_h A2_h * (-h1_h), and sigmoid(z2) = 1 / (1 + exp(-z2)) costs no negation;
  the backward carries -dL/dz2 (all exact: negation never rounds).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .model import LEAKY_SLOPE

F32 = np.float32
_T = np.array([[0], [1], [1], [0]], F32)  # (4, 1): targets, broadcast over runs
_CHECK_EVERY = 100  # epochs between "has every run diverged?" checks
# torch's scalars, computed as torch computes them (in double, then used in float32)
_B1, _B2, _EPS = 0.9, 0.999, 1e-8  # Adam's betas and eps
_ALPHA = 0.99  # RMSprop's smoothing constant
_BCE_EPS = 1e-12  # BCELoss backward clamps y(1-y) at this


@dataclass
class Raw:
    """Everything one batched run records, per run; train.py turns it into History objects."""

    params: np.ndarray  # (B, E+1, P): θ before epoch e's update, then the trained θ (flat order)
    pred: np.ndarray  # (B, E+1, 4): y_pred of epoch e's forward pass, then of the trained model
    grad_norm: np.ndarray  # (B, E): ||dL/dθ||_2 at epoch e


@dataclass
class Final:
    """Only the end of each run (the light path for big grids)."""

    params: np.ndarray  # (B, P): trained θ (flat order); non-finite if the run diverged
    pred: np.ndarray  # (B, 4): y_pred of the trained model
    tail_params: np.ndarray | None = None  # (B, P): θ before epoch tail_at's update (trend.py); nan if not reached


def layout(hidden: int) -> np.ndarray:
    """Index array idx with internal_rows = flat[..., idx] (see the module docstring)."""
    h = hidden
    first = [i for u in range(h) for i in (2 * u, 2 * u + 1, 2 * h + u)]  # w_u0, w_u1, b1_u
    return np.array(first + [3 * h + u for u in range(h)] + [4 * h], dtype=np.intp)


class _Opt:
    """torch.optim's update rule for a block of runs: p, g are (Q, b) views, lr (b,) per run."""

    def __init__(self, kind: str, p: np.ndarray, g: np.ndarray, lr: np.ndarray, epochs: int) -> None:
        self.kind, self.p, self.g = kind, p, g
        self.nlr = (-lr).astype(F32)[None, :]  # torch: p.add_(x, alpha=-lr), -lr as float32
        self.m, self.v = np.zeros(p.shape, F32), np.zeros(p.shape, F32)
        self.t1, self.t2 = np.empty(p.shape, F32), np.empty(p.shape, F32)
        if kind == "adam":  # torch: step_size = lr / (1 - b1^t) in double, used as float32
            t = np.arange(1, epochs + 1, dtype=np.float64)
            self.nstep = (-(lr[None, :] / (1 - _B1**t)[:, None])).astype(F32)  # (E, b)
            self.bc2sqrt = ((1 - _B2**t) ** 0.5).tolist()  # divisor, per epoch

    def step(self, e: int) -> None:
        """One in-place update of p from g at epoch e (0-based)."""
        p, g, m, v, t1, t2, kind = self.p, self.g, self.m, self.v, self.t1, self.t2, self.kind
        if kind == "sgd":  # p += -lr g
            np.multiply(g, self.nlr, out=t1)
            np.add(p, t1, out=p)
        elif kind == "momentum":  # buf = 0.9 buf + g (buf starts at g); p += -lr buf
            np.multiply(m, 0.9, out=m)
            np.add(m, g, out=m)
            np.multiply(m, self.nlr, out=t1)
            np.add(p, t1, out=p)
        elif kind == "rmsprop":  # v = a v + (1-a) g g; p += -lr g / (sqrt(v) + eps)
            np.multiply(v, _ALPHA, out=v)
            np.multiply(g, 1 - _ALPHA, out=t1)
            np.multiply(t1, g, out=t1)
            np.add(v, t1, out=v)
            np.sqrt(v, out=t1)
            np.add(t1, _EPS, out=t1)
            np.multiply(g, self.nlr, out=t2)
            np.divide(t2, t1, out=t2)
            np.add(p, t2, out=p)
        else:  # adam: m.lerp_(g, 0.1); v = b2 v + (1-b2) g g; p += -step m / (sqrt(v)/sqrt(bc2) + eps)
            np.subtract(g, m, out=t1)
            np.multiply(t1, 1 - _B1, out=t1)
            np.add(m, t1, out=m)
            np.multiply(v, _B2, out=v)
            np.multiply(g, 1 - _B2, out=t1)
            np.multiply(t1, g, out=t1)
            np.add(v, t1, out=v)
            np.sqrt(v, out=t1)
            np.divide(t1, self.bc2sqrt[e], out=t1)
            np.add(t1, _EPS, out=t1)
            np.multiply(m, self.nstep[e], out=t2)
            np.divide(t2, t1, out=t2)
            np.add(p, t2, out=p)


class _Net:
    """Buffers and per-epoch kernels for B runs of one (activation, hidden), each with its optimizer."""

    def __init__(self, activation: str, optimizer: str | list[str], hidden: int, init: np.ndarray, lr: np.ndarray,
                 epochs: int):  # fmt: skip
        init, lr = np.asarray(init, F32), np.asarray(lr, np.float64)
        kinds = [optimizer] * init.shape[0] if isinstance(optimizer, str) else list(optimizer)
        self.n = init.shape[0]  # real runs; a lone run gets a twin so that every reduction below
        if self.n == 1:  # runs down an axis of >= 2 runs, summing in the same order as in any batch
            init, lr, kinds = np.repeat(init, 2, axis=0), np.repeat(lr, 2), kinds * 2
        B, H = init.shape[0], hidden
        self.B, self.H, self.act = B, H, activation
        self.p = np.ascontiguousarray(init[:, layout(H)].T)  # θ: (Q, B)
        self.g = np.zeros_like(self.p)  # dL/dθ: (Q, B)
        self.A1, self.A2 = self.p[: 3 * H], self.p[3 * H :]  # (3H, B) layer 1 rows; (H+1, B) layer 2 rows
        self.G1, self.G2 = self.g[: 3 * H], self.g[3 * H :]
        self.A1v, self.G1v = self.A1.reshape(H, 3, B), self.G1.reshape(H, 3, B)  # [:, k]: w_h0, w_h1, b1_h
        self.nz1v = np.empty((H, 4, B), F32)  # -z1: (unit, input, run)
        self.nh = np.empty((H + 1, 4, B), F32)  # -h1 and a constant -1 row for b2
        self.nh[H] = -1
        self.nhH = self.nh[:H]
        self.s1 = np.empty((H, 4, B), F32)  # scratch for the activation
        self.mask = np.empty((H, 4, B), bool)
        self.tmp = np.empty((H + 1, 4, B), F32)
        self.nz2, self.e2 = np.empty((4, B), F32), np.empty((4, B), F32)  # -z2, scratch
        self.u, self.nd = np.empty((4, B), F32), np.empty((4, B), F32)  # clamp factor, -dL/dz2
        self.ndh = np.empty((H, 4, B), F32)  # -dL/dh1, then dL/dz1
        self.A2b, self.A2w = self.A2[:, None, :], self.A2[:H, None, :]  # (H+1, 1, B), (H, 1, B)
        self.ndb = self.nd[None]  # (1, 4, B)
        self.t1 = np.empty_like(self.p)
        # one optimizer per block of neighbouring runs that share it (views into p and g)
        self.opts, start = [], 0
        for i in range(1, B + 1):
            if i == B or kinds[i] != kinds[start]:
                sl = slice(start, i) if (start, i) != (0, B) else slice(None)
                self.opts.append(_Opt(kinds[start], self.p[:, sl], self.g[:, sl], lr[start:i], epochs))
                start = i

    def forward(self, y: np.ndarray) -> None:
        """y (4, B) <- y_pred of the current θ; leaves -z1 and -h1 in the buffers."""
        nz, nh, act, a = self.nz1v, self.nhH, self.act, self.A1v
        # -z1 for the inputs (0,0), (0,1), (1,0), (1,1): -b, -b - w1, -b - w0, (-b - w0) - w1
        np.negative(a[:, 2], out=nz[:, 0])
        np.subtract(nz[:, 0], a[:, 1], out=nz[:, 1])
        np.subtract(nz[:, 0], a[:, 0], out=nz[:, 2])
        np.subtract(nz[:, 2], a[:, 1], out=nz[:, 3])
        if act == "sigmoid":  # -h = -1 / (1 + exp(-z))
            np.exp(nz, out=self.s1)
            np.add(self.s1, 1, out=self.s1)
            np.divide(-1.0, self.s1, out=nh)
        elif act == "tanh":  # tanh is odd: -tanh(z) = tanh(-z)
            np.tanh(nz, out=nh)
        elif act == "relu":  # -max(z, 0) = min(-z, 0)
            np.minimum(nz, 0, out=nh)
        elif act == "leaky_relu":  # -(z if z > 0 else s z) = min(-z, -s z)
            np.multiply(nz, LEAKY_SLOPE, out=nh)
            np.minimum(nz, nh, out=nh)
        else:
            np.copyto(nh, nz)
        np.multiply(self.A2b, self.nh, out=self.tmp)  # W2_h * -h1_h and b2 * -1: (H+1, 4, B)
        np.add.reduce(self.tmp, axis=0, out=self.nz2)  # -z2 (4, B)
        np.exp(self.nz2, out=self.e2)
        np.add(self.e2, 1, out=self.e2)
        np.reciprocal(self.e2, out=y)  # sigmoid(z2)

    def backward(self, y: np.ndarray) -> None:
        """g <- dL/dθ for the forward pass that produced y (BCELoss mean over 4 rows)."""
        u, nd = self.u, self.nd
        # torch: dL/dz2 = 0.25 (y - t) / max(y(1-y), 1e-12) * (1-y) y = (y - t) * min(0.25, y(1-y) 0.25e12)
        np.subtract(1, y, out=u)
        np.multiply(u, y, out=u)
        np.multiply(u, 0.25 / _BCE_EPS, out=u)
        np.minimum(u, 0.25, out=u)
        np.subtract(_T, y, out=nd)
        np.multiply(nd, u, out=nd)  # -dL/dz2 (4, B)
        np.multiply(self.ndb, self.nh, out=self.tmp)  # dL/dz2 * h1 (and * 1 for b2)
        np.add.reduce(self.tmp, axis=1, out=self.G2)  # dL/dW2, dL/db2 (H+1, B)
        ndh, nh, s1, act = self.ndh, self.nhH, self.s1, self.act
        np.multiply(self.A2w, self.ndb, out=ndh)  # -dL/dh1 (H, 4, B)
        if act == "sigmoid":  # dz1 = dh1 (1-h) h = (-dh1)(1 + (-h))(-h)
            np.add(nh, 1, out=s1)
            np.multiply(ndh, s1, out=ndh)
            np.multiply(ndh, nh, out=ndh)
        elif act == "tanh":  # dz1 = dh1 (1 - h^2) = (-dh1)(h^2 - 1)
            np.multiply(nh, nh, out=s1)
            np.subtract(s1, 1, out=s1)
            np.multiply(ndh, s1, out=ndh)
        elif act == "relu":  # torch: grad where h > 0, else 0
            np.less(nh, 0, out=self.mask)
            np.multiply(ndh, self.mask, out=ndh)
            np.negative(ndh, out=ndh)
        elif act == "leaky_relu":  # torch: grad where z > 0, else slope * grad
            np.greater_equal(self.nz1v, 0, out=self.mask)
            np.multiply(ndh, LEAKY_SLOPE, out=ndh, where=self.mask)
            np.negative(ndh, out=ndh)
        else:
            np.negative(ndh, out=ndh)
        dz, g1 = ndh, self.G1v  # dL/dz1 (H, 4, B); dW1[:, k] = sum over the rows whose x_k is 1
        np.add(dz[:, 2], dz[:, 3], out=g1[:, 0])
        np.add(dz[:, 1], dz[:, 3], out=g1[:, 1])
        np.add.reduce(dz, axis=1, out=g1[:, 2])  # dL/db1

    def step(self, e: int) -> None:
        """torch.optim's update of θ from g at epoch e (0-based)."""
        for opt in self.opts:
            opt.step(e)

    def all_diverged(self) -> bool:
        """True when no run has an all-finite θ left."""
        return not np.isfinite(self.p).all(axis=0).any()

    def flat(self) -> np.ndarray:
        """The current θ as (B, P) in flat order."""
        return self.p.T[: self.n, np.argsort(layout(self.H))]


def run(activation: str, optimizer: str | list[str], hidden: int, init: np.ndarray, lr: np.ndarray,
        epochs: int) -> Raw:  # fmt: skip
    """Train B runs at once from init (B, P), lr (B,), one optimizer or one per run, recording every epoch.

    Runs that share an optimizer should be neighbours (each block of neighbours is one update).
    """
    net = _Net(activation, optimizer, hidden, init, lr, epochs)
    B, Q = net.B, net.p.shape[0]
    params = np.empty((epochs + 1, Q, B), F32)  # internal layout while training
    pred = np.empty((epochs + 1, 4, B), F32)
    sq = np.empty((epochs, B), F32)  # ||g||^2
    done = epochs
    with np.errstate(all="ignore"):  # a diverging run turns into inf/nan; we record it
        for e in range(epochs):
            np.copyto(params[e], net.p)
            y = pred[e]
            net.forward(y)
            net.backward(y)
            np.multiply(net.g, net.g, out=net.t1)
            np.add.reduce(net.t1, axis=0, out=sq[e])
            net.step(e)
            if e % _CHECK_EVERY == _CHECK_EVERY - 1 and net.all_diverged():
                done = e + 1  # every run has diverged: nothing left to learn
                break
        np.copyto(params[done], net.p)
        net.forward(pred[done])
        if done < epochs:
            params[done + 1 :] = np.nan
            pred[done + 1 :] = np.nan
            sq[done:] = np.nan
        inv = np.argsort(layout(hidden))
        n = net.n  # drop a lone run's twin
        return Raw(
            params=np.ascontiguousarray(params[:, :, :n].transpose(2, 0, 1)[:, :, inv]),
            pred=np.ascontiguousarray(pred[:, :, :n].transpose(2, 0, 1)),
            grad_norm=np.ascontiguousarray(np.sqrt(sq[:, :n]).T),
        )


def run_final(activation: str, optimizer: str | list[str], hidden: int, init: np.ndarray, lr: np.ndarray,
              epochs: int, tail_at: int | None = None) -> Final:  # fmt: skip
    """Train B runs like run() but keep only the trained θ, its predictions and θ at epoch tail_at (if given)."""
    net = _Net(activation, optimizer, hidden, init, lr, epochs)
    y = np.empty((4, net.B), F32)
    tail = None if tail_at is None else np.full((net.n, net.p.shape[0]), np.nan, F32)
    with np.errstate(all="ignore"):
        for e in range(epochs):
            if e == tail_at and tail is not None:
                tail[:] = net.flat()
            net.forward(y)
            net.backward(y)
            net.step(e)
            if e % _CHECK_EVERY == _CHECK_EVERY - 1 and net.all_diverged():
                break
        net.forward(y)
    return Final(params=np.ascontiguousarray(net.flat()), pred=np.ascontiguousarray(y[:, : net.n].T), tail_params=tail)
