"""The one success rule (outcome.py): a prediction counts when it is within 0.4 of its target."""

from __future__ import annotations

import numpy as np

from xorcore.outcome import MARGIN, TOLERANCE, correct, learned, n_correct, predicted_class, rule_values


def test_rule_edges():
    assert TOLERANCE == 0.5 - MARGIN == 0.4
    assert learned(np.array([0.1, 0.9, 0.8, 0.2]))
    assert not learned(np.array([0.5, 0.9, 0.8, 0.2]))  # exactly 0.5 is neither class
    assert not learned(np.array([0.489, 0.9, 0.8, 0.2]))  # right side of 0.5, but not clearly
    assert not learned(np.array([0.1, 0.55, 0.8, 0.2]))
    assert learned(np.array([0.39, 0.61, 0.61, 0.39]))
    assert not learned(np.array([0.41, 0.9, 0.9, 0.1]))
    assert not learned(np.array([np.nan, 0.9, 0.8, 0.2])) and not correct(np.array([np.inf] * 4)).any()
    assert learned(np.array([[0.1, 0.9, 0.8, 0.2], [0.6, 0.9, 0.8, 0.2]])).tolist() == [True, False]


def test_counts_and_text_values():
    assert n_correct(np.array([0.5, 0.9, 0.9, 0.1])) == 3  # the case two old copies disagreed on
    assert n_correct(np.array([[0.0], [1.0], [0.3], [0.7]])) == 2  # (4, 1) columns too
    assert rule_values() == {"tol": "0.4", "lo": "0.4", "hi": "0.6"}


def test_float32_predictions_at_the_bounds():
    """float32 0.6 is 0.6000000238: 1 - 0.6000000238 < 0.4, so it counts; 0.4 (0.4000000060) does not."""
    p = np.array([0.4, 0.6, 0.6, 0.4], np.float32)
    assert correct(p).tolist() == [False, True, True, False]


def test_predicted_class_at_the_threshold():
    """The class column's rule: exactly 0.5 votes 0, the next float32 above it votes 1."""
    above = np.nextafter(np.float32(0.5), np.float32(1))
    assert predicted_class(np.array([0.0, 0.5, above, 1.0], dtype=np.float32)).tolist() == [0, 0, 1, 1]
