"""app_pages._gate: one builder at a time, the run pages asked for most first, then the first to come; nested
calls pass through. No timing: the builder holding the gate waits for the test."""

from __future__ import annotations

import threading

import app_pages._gate as gate


def test_builders_go_one_at_a_time_the_most_asked_run_first():
    order, inside, most_inside = [], [0], [0]
    release = threading.Event()
    lock = threading.Lock()

    def build(name: str, run: str | None, hold: bool = False) -> None:
        if run is not None:
            gate._local.run = run
        with gate.heavy():
            with lock:
                inside[0] += 1
                most_inside[0] = max(most_inside[0], inside[0])
            order.append(name)
            with gate.heavy():  # nested: passes through
                pass
            if hold:
                assert release.wait(60)
            with lock:
                inside[0] -= 1

    for _ in range(5):
        gate.asked("teacher")  # five followers asked for the teacher's run
    gate.asked("own")
    first = threading.Thread(target=build, args=("first", None, True))
    first.start()
    while not order:
        threading.Event().wait(0.01)
    others = [threading.Thread(target=build, args=(n, r)) for n, r in (("own", "own"), ("teacher", "teacher"))]
    for t in others:
        t.start()
    while len(gate._queue) < 2:  # both wait behind the first
        threading.Event().wait(0.01)
    release.set()
    for t in [first, *others]:
        t.join(60)
    assert order == ["first", "teacher", "own"]
    assert most_inside[0] == 1
    assert not gate._queue and not gate._holder


def test_asks_older_than_the_window_do_not_count(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(gate.time, "monotonic", lambda: now[0])
    gate.asked("old-run")
    now[0] += gate.ASKED_S + 1
    gate.asked("new-run")
    assert gate.asks("old-run") == 0 and gate.asks("new-run") == 1
