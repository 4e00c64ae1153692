"""Slow, not started or stopped: the rule that reads a failed run's own trend (Training Curve and Experiments).

A run is measured at three points, its first epoch, the first epoch of its tail (the last tenth of its
epochs) and its end: the loss and the gradient norm there (stuck.measure computes them from θ, the same way
for a PyTorch history and for the engine's runs). Then:
- "still falling": the loss ended below its start, and over the tail it fell at least PACE times as fast as on
  average over the whole run (a steady descent falls at the average pace; a run that has stopped, at almost none
  of it); the two ends of the tail are compared, so a tail of even length compares a run that flips every epoch
  in the same phase;
- "barely moved": the loss changed by less than MOVED of its first value and the gradient norm is within a
  factor SAME_GRAD of its first value;
- "vanished": the gradient norm at the end is below VANISHED of its first value (it shrank while moving).
"""

from __future__ import annotations

from dataclasses import dataclass

TAIL = 0.1  # the tail: the last tenth of the epochs (at least one)
PACE = 0.1  # "still falling": the tail's pace is at least a tenth of the run's average pace
MOVED = 0.01  # "barely moved": the loss changed by less than 1% of its first value ...
SAME_GRAD = 2.0  # ... and the gradient norm stayed within a factor 2 of its first value
VANISHED = 0.1  # "vanished": the gradient norm ended below a tenth of its first value


def tail_start(epochs: int) -> int:
    """The first epoch of the tail of a run of `epochs` epochs."""
    return max(epochs - max(int(epochs * TAIL), 1), 0)


@dataclass(frozen=True)
class Trend:
    """A run's loss and gradient norm at its first epoch, at its tail's first epoch and at its end."""

    epochs: int
    loss0: float
    loss_tail: float
    loss_end: float
    grad0: float
    grad_end: float

    @property
    def tail_n(self) -> int:
        """Epochs in the tail."""
        return self.epochs - tail_start(self.epochs)


def falling(tr: Trend) -> bool:
    """The loss still falls at the end: it is below its start and the tail's pace is at least PACE of the average."""
    drop_tail, drop_all = tr.loss_tail - tr.loss_end, tr.loss0 - tr.loss_end
    return bool(drop_all > 0 and drop_tail > 0 and drop_tail / tr.tail_n >= PACE * drop_all / tr.epochs)


def barely_moved(tr: Trend) -> bool:
    """The loss changed by less than MOVED of its start and the gradient norm by less than a factor SAME_GRAD."""
    same_grad = tr.grad0 / SAME_GRAD <= tr.grad_end <= tr.grad0 * SAME_GRAD
    return bool(abs(tr.loss0 - tr.loss_end) < MOVED * tr.loss0 and same_grad)


def vanished(tr: Trend) -> bool:
    """The gradient norm ended below VANISHED of its first value."""
    return bool(tr.grad_end < VANISHED * tr.grad0)
