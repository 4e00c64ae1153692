"""xorcore.workers: a run trained in a worker process is `train`'s own, bit for bit; the queue's order (the least
expected work per waiting session first, less the time waited; background runs last); one training per run for
every session asking; a run nobody waits for is dropped. The order tests use a clock of their own: nothing timed."""

from __future__ import annotations

import threading

import numpy as np
import pytest
from conftest import app, diverged_at_start
from test_store import same

import xorcore.workers as workers
from xorcore import Config, train
from xorcore.config import ACTIVATIONS, OPTIMIZERS, comparisons
from xorcore.model import build_model, flatten
from xorcore.store import RunStore, encode, run_key
from xorcore.workers import Trainer

START = flatten(build_model(Config(seed=7)))
ASKED = [  # (config, task, init): the sidebar's runs, and Solve's runs from a hand-set θ on another table
    (Config(), "xor", None),
    (Config(seed=3, activation="relu", hidden=8, epochs=3000), "xor", None),
    (Config(activation="tanh", optimizer="momentum", lr=0.5, epochs=1500, hidden=5), "xor", None),
    (Config(optimizer="sgd", lr=10.0, activation="identity", epochs=700), "xor", None),
    (Config(activation="leaky_relu", optimizer="rmsprop", epochs=800), "and", START),
]


def test_runs_trained_in_worker_processes_are_trains_own_bit_for_bit(tmp_path):
    pool = Trainer(2, RunStore(tmp_path / "runs.sqlite3"))
    try:
        jobs = [pool.ask(c, task, init) for c, task, init in ASKED]
        for job in jobs:
            assert job.done.wait(300)
            pool.leave(job)
        for (c, task, init), job in zip(ASKED, jobs, strict=True):
            assert same(job.result(), train(c, init=init, task=task)), c.label()
            stored = pool.store.get(run_key(c, task, init))  # the worker stored it for every process
            assert stored is not None and same(stored, job.result())
    finally:
        pool.shutdown()


def test_a_run_another_process_stored_is_read_not_trained(tmp_path, monkeypatch):
    hist = diverged_at_start()  # not what train(cfg) gives: had it been trained, the test would see it
    key = run_key(hist.config)
    store = RunStore(tmp_path / "runs.sqlite3")
    store.put(key, hist)
    monkeypatch.setattr(workers, "_STORE", store)
    assert workers._work(key, hist.config, "xor", None) == encode(hist)


class Clock:
    """The queue's clock, moved by hand."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def held(monkeypatch):
    """A one-thread trainer whose first run waits for release(); calls lists what trained, in order."""
    calls, started, gate = [], threading.Event(), threading.Event()

    def blocking(cfg, init=None, progress=None, task="xor"):
        calls.append(cfg)
        if len(calls) == 1:
            started.set()
            assert gate.wait(60)
        return train(cfg, init=init, task=task)

    monkeypatch.setattr(workers, "train", blocking)
    clock = Clock()
    pool = Trainer(0, None, clock=clock)
    first = pool.ask(Config(seed=900, epochs=20))
    assert started.wait(60)

    def release():
        gate.set()
        drained = pool.ask(Config(seed=901, epochs=1), background=True)
        assert drained.done.wait(120)  # background: after everything pages wait for
        return [c for c in calls if c.seed not in (900, 901)]

    yield pool, clock, release, first
    pool.shutdown()


def test_short_runs_and_runs_many_wait_for_go_before_one_students_long_run(held):
    pool, clock, release, _ = held
    long_run = pool.ask(Config(seed=1, epochs=10_000, hidden=8))  # asked first
    clock.now += 0.1
    shared = [pool.ask(Config(seed=2, epochs=3000)) for _ in range(5)]  # the teacher's run: five students wait
    clock.now += 0.1
    short = pool.ask(Config(seed=3, epochs=500))
    twin = pool.ask(Config(seed=4, epochs=200), background=True)
    assert [c.seed for c in release()] == [2, 3, 1, 4]  # five waiting: 1.18 s / 5 - 0.1 s waited < 0.2 s
    assert all(j.done.is_set() for j in (long_run, short, twin, *shared))
    assert shared[0].result() is shared[4].result()  # one training for all five


def test_a_long_run_waits_at_most_about_its_own_length(held):
    pool, clock, release, _ = held
    long_run = pool.ask(Config(seed=1, epochs=10_000, hidden=8))
    clock.now += 1.5 * long_run.cost()  # it has waited longer than it will take
    pool.ask(Config(seed=3, epochs=500))  # a newcomer, short
    assert [c.seed for c in release()] == [1, 3]


def test_a_run_nobody_waits_for_is_dropped_before_it_starts(held):
    pool, clock, release, first = held
    left = pool.ask(Config(seed=5, epochs=50))
    kept = pool.ask(Config(seed=6, epochs=60))
    pool.leave(left)  # its student changed a setting
    stale = pool.ask(Config(seed=7, epochs=50), background=True)
    clock.now += 2 * workers.STALE_S  # nobody asked for the background run since
    pool.leave(first)  # started: it finishes and is kept for those who come back
    assert [c.seed for c in release()] == [6]
    assert kept.done.is_set() and not left.done.is_set() and not stale.done.is_set()
    assert pool.ask(Config(seed=900, epochs=20)).result() is first.result()


def test_a_page_asking_for_a_background_run_moves_it_to_the_pages_queue(held):
    pool, clock, release, _ = held
    twin = pool.ask(Config(seed=8, epochs=100), background=True)
    other = pool.ask(Config(seed=9, epochs=100))
    clock.now += 0.1
    assert pool.ask(Config(seed=8, epochs=100)) is twin and not twin.background
    assert [c.seed for c in release()] == [9, 8]  # in the pages' queue, by its own rule
    assert other.done.is_set()


def test_sessions_asking_for_one_new_run_train_it_once(monkeypatch):
    calls = []

    def counting(cfg, init=None, progress=None, task="xor"):
        calls.append(cfg)
        return train(cfg)

    monkeypatch.setattr(workers, "train", counting)
    pool = Trainer(0, None)
    cfg = Config(seed=123, epochs=50)
    jobs = [pool.ask(cfg) for _ in range(6)]
    assert all(j.done.wait(60) for j in jobs)
    assert calls == [cfg] and len({id(j.result()) for j in jobs}) == 1
    pool.shutdown()


def test_default_workers_follow_the_cores_and_the_setting(monkeypatch):
    monkeypatch.delenv("XORLAB_WORKERS", raising=False)
    monkeypatch.setattr(workers, "cores", lambda: 1)
    assert workers.default_workers() == 0  # one core: train in a thread of the web process
    monkeypatch.setattr(workers, "cores", lambda: 4)
    assert workers.default_workers() == 4
    monkeypatch.setenv("XORLAB_WORKERS", "1")
    assert workers.default_workers() == 1


def test_the_training_page_with_worker_processes_shows_the_workers_run(tmp_path, monkeypatch):
    """The app's own path (progress, Job, store) with real worker processes: the page's numbers are train's."""
    pool = Trainer(2, RunStore(tmp_path / "runs.sqlite3"))
    monkeypatch.setattr(workers, "_TRAINER", pool)
    try:
        at = app("app_pages/training.py", seed="11", epochs="600")
        assert not at.exception
        want = train(Config(seed=11, epochs=600))
        hist = pool.store.get(run_key(Config(seed=11, epochs=600)))
        assert hist is not None and same(hist, want)
        shown = " ".join(m.value for m in at.metric)
        assert f"{want.final_loss:.4f}" in shown
    finally:
        pool.shutdown()


def test_a_stored_run_survives_a_new_trainer(tmp_path):
    """A restart (a new process, a new trainer) reads what the last one stored."""
    path = tmp_path / "runs.sqlite3"
    cfg = Config(seed=12, epochs=100)
    RunStore(path).put(run_key(cfg), train(cfg))
    assert np.array_equal(RunStore(path).get(run_key(cfg)).params, train(cfg).params)


def test_the_class_lane_takes_only_a_run_several_wait_for_or_one_a_followed_page_asked_for():
    pool = Trainer(2, None, clock=Clock())

    def waiting(seed: int, epochs: int, waiters: int, shared: bool = False) -> None:
        cfg = Config(seed=seed, epochs=epochs, hidden=8)
        pool.jobs[run_key(cfg)] = workers.Job(run_key(cfg), cfg, "xor", None, False, shared, waiters=waiters)

    waiting(1, 500, 1)  # one student's short run
    assert pool._next(lane=True) is None and pool._next().config.seed == 1  # a worker takes it, the lane does not
    waiting(2, 10_000, 3)  # the class's long run: three wait for it
    assert pool._next(lane=True).config.seed == 2 and pool._next().config.seed == 2
    waiting(3, 10_000, 1, shared=True)  # the teacher's change, before the class has asked
    assert {pool._next(lane=True).config.seed} <= {2, 3}
    del pool.jobs[run_key(Config(seed=2, epochs=10_000, hidden=8))]
    assert pool._next(lane=True).config.seed == 3 and pool._next().config.seed == 3


def test_a_shared_ask_makes_its_run_the_class_s_and_it_trains_in_the_lane(monkeypatch):
    pool = Trainer(1, None, clock=Clock())
    started: list[tuple[int, bool]] = []
    monkeypatch.setattr(pool, "_pool", lambda lane=False: started.append(lane) or _NoPool())
    with pool.lock:
        pool.running = 1  # the one worker trains a student's run
    job = pool.ask(Config(seed=5))
    assert not job.started and not job.of_class()  # waits for the worker
    pool.leave(job)
    job = pool.ask(Config(seed=6), shared=True)
    assert job.started and job.of_class() and started == [True]  # the lane took it at once


class _NoPool:
    """A pool that takes a run and never gives it back (what a test of dispatch needs)."""

    def submit(self, *args, **kwargs):
        from concurrent.futures import Future

        return Future()


def test_workers_never_run_the_page_script_that_is_main(tmp_path, monkeypatch):
    """Under Streamlit __main__ is the page script: a worker started then must not run it (it would draw a page)."""
    import sys
    import types

    marker = tmp_path / "ran"
    script = tmp_path / "page.py"
    script.write_text(f"open({str(marker)!r}, 'w').close()\nraise SystemExit('a worker ran the page script')\n")
    page = types.ModuleType("__main__")
    page.__file__ = str(script)
    monkeypatch.setitem(sys.modules, "__main__", page)
    pool = Trainer(1, None)
    try:
        job = pool.ask(Config(seed=21, epochs=100))
        assert job.done.wait(300)
        assert same(job.result(), train(Config(seed=21, epochs=100))) and not marker.exists()
    finally:
        pool.shutdown()


def test_a_run_several_sessions_wait_for_goes_before_runs_that_queued_long(held):
    pool, clock, release, _ = held
    pool.ask(Config(seed=1, epochs=3000))  # one student's run, queued long ago
    clock.now += 20.0
    for _ in range(2):
        pool.ask(Config(seed=2, epochs=10_000))  # the teacher's change: two students already wait for it
    assert [c.seed for c in release()] == [2, 1]


def test_runs_asked_ahead_of_the_teacher_go_to_the_idle_lane_after_the_class_s_runs_and_last_in_the_workers():
    """And while the lane trains one, the class's runs wait for the lane (a niced worker would be slower)."""
    clock = Clock()
    pool = Trainer(2, None, clock=clock)

    def queued(seed: int, waiters: int = 0, background: bool = False, ahead: bool = False) -> None:
        cfg = Config(seed=seed)
        pool.jobs[run_key(cfg)] = workers.Job(run_key(cfg), cfg, "xor", None, background, ahead=ahead,
                                              waiters=waiters, asked=clock.now)  # fmt: skip

    queued(1, background=True, ahead=True)  # the lecture's comparisons from the teacher's setting
    queued(2, background=True, ahead=True)
    queued(3, background=True)  # a page's 10,000-epoch twin
    assert pool._next(lane=True).config.seed == 1  # the lane is idle: the first asked ahead
    assert pool._next().config.seed == 3  # a worker: the twin before runs asked ahead
    queued(4, waiters=2)  # the class's run
    assert pool._next(lane=True).config.seed == 4 and pool._next().config.seed == 4
    del pool.jobs[run_key(Config(seed=4))]
    clock.now += workers.STALE_S * 2  # asked once: a run asked ahead stays, the twin is dropped
    assert pool._next().config.seed == 1 and run_key(Config(seed=3)) not in pool.jobs
    clock.now += workers.AHEAD_S
    assert pool._next(lane=True) is None and not pool.jobs
    queued(5, waiters=2)  # the class's run while the lane trains a run asked ahead: it waits for the lane
    queued(6, waiters=1)  # one student's: a worker takes it
    pool.lane_busy = pool.lane_ahead = True
    assert pool._next().config.seed == 6
    del pool.jobs[run_key(Config(seed=6))]
    assert pool._next() is None
    pool.lane_ahead = False  # the lane trains another of the class's runs: a worker may take this one
    assert pool._next().config.seed == 5


def test_comparisons_are_every_other_activation_then_every_other_optimizer():
    cfg = Config(activation="tanh", optimizer="adam", lr=0.1, seed=3)
    got = [(c.activation, c.optimizer) for c in comparisons(cfg)]
    assert got == [(a, "adam") for a in ACTIVATIONS if a != "tanh"] + [("tanh", o) for o in OPTIMIZERS if o != "adam"]
    assert all((c.lr, c.seed, c.epochs, c.hidden) == (0.1, 3, cfg.epochs, cfg.hidden) for c in comparisons(cfg))


def test_the_class_s_page_asks_for_the_lectures_comparisons_ahead(monkeypatch):
    """Once the class follows the teacher's setting, its Training page asks for that setting's comparisons."""
    import app_pages._gate as gate
    import app_pages._shared as shared_mod

    asked: list[Config] = []
    monkeypatch.setattr(shared_mod, "ahead", lambda cfg: asked.append(cfg))
    gate._asks.clear()
    gate._first.clear()
    gate._sessions.clear()
    seed = "4242"  # a setting nobody else asks for in this test run
    teacher = app("app_pages/training.py", seed=seed, epochs="30")
    assert not teacher.exception and asked == []  # nobody follows yet
    app("app_pages/training.py", seed=seed, epochs="30")  # a student follows: the class's setting now
    assert asked and set(asked) == {Config(seed=4242, epochs=30)}
    asked.clear()
    teacher.run()  # the teacher's next rerun: it leads now
    assert asked and set(asked) == {Config(seed=4242, epochs=30)}
    asked.clear()
    app("app_pages/training.py", seed="4243", epochs="30")  # a student's own setting: nothing asked ahead
    assert asked == []
    gate._asks.clear()
    gate._first.clear()
    gate._sessions.clear()


def test_no_runs_are_asked_ahead_without_worker_processes(monkeypatch):
    """With one core there is no lane: runs asked ahead would train on the web process's interpreter."""
    import app_pages._shared as shared_mod

    asked = []
    pool = Trainer(0, None)
    monkeypatch.setattr(pool, "ask", lambda *a, **k: asked.append(a))
    monkeypatch.setattr(shared_mod, "trainer", lambda: pool)
    shared_mod.ahead(Config(seed=77))
    assert asked == []
    pool.workers = 2  # with workers: every comparison not stored is asked for
    monkeypatch.setattr(shared_mod._runs(), "has", lambda key: False)
    shared_mod.ahead(Config(seed=77))
    assert [a[0] for a in asked] == comparisons(Config(seed=77))
    asked.clear()
    shared_mod.ahead(Config(seed=77, epochs=workers.AHEAD_EPOCHS + 1))  # too long to hold the lane
    assert asked == []
