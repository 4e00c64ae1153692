"""xorcore.drawer: a chart drawn in the drawer's process is the spec built here, byte for byte; charts are drawn
in the order asked; what another process cannot import, and a broken process, are built here."""

from __future__ import annotations

import threading
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool

import pytest

from xorcore import Config, train
from xorcore.drawer import Drawer, by_name
from xorcore.views.beyond import plane_before_after
from xorcore.views.boundary import decision_boundary
from xorcore.views.curves import accuracy_chart
from xorcore.views.planes import hidden_plane
from xorcore.views.vega import spec_of
from xorcore.workers import Trainer


def test_a_chart_drawn_in_the_drawers_process_is_the_spec_built_here():
    runs = Trainer(1, None)
    runs._pool()
    drawer = Drawer(lambda: runs.processes(1, 10))
    hist = train(Config(activation="tanh", hidden=3, epochs=200))
    flat = hist.params[-1]
    asked = [  # (builder, args, kwargs, height, slide, legends): a setting's planes and a whole run's chart
        (decision_boundary, (flat, "tanh", 3, "ko"), {}, 140, True, False),
        (hidden_plane, (flat, "tanh", 3, "en"), {"units": (1, 2)}, None, False, True),
        (plane_before_after, ("bx_hidden", flat, "tanh", 3, "en", "after", "the plane after"), {}, 140, True, False),
        (accuracy_chart, (hist, "en"), {}, None, False, True),
    ]
    try:
        for build, args, kwargs, height, slide, legends in asked:
            drawn = drawer.draw(spec_of, build, args, kwargs, height, slide, legends)
            assert drawn == spec_of(build, args, kwargs, height, slide, legends), build.__name__
        assert drawer.pool is not None
    finally:
        runs.shutdown()
        drawer.shutdown()


class Held(Executor):
    """A one-thread pool whose first task waits for the test to let it go."""

    def __init__(self) -> None:
        self.pool, self.gate, self.ran = ThreadPoolExecutor(1), threading.Event(), []

    def submit(self, fn, /, *args, **kwargs) -> Future:
        def run():
            self.gate.wait(30)
            self.ran.append(args[0])
            return fn(*args)

        return self.pool.submit(run)


def test_charts_are_drawn_one_at_a_time_in_the_order_asked():
    held = Held()
    drawer = Drawer(lambda: held)
    threads = []
    for name in ("a", "b", "c", "d"):
        threads.append(threading.Thread(target=drawer.draw, args=(_upper, name)))
        threads[-1].start()
        while len(drawer.waiting) + drawer.busy < len(threads):
            threading.Event().wait(0.001)  # each ask is queued before the next is made
    assert drawer.busy and len(drawer.waiting) == 3  # one at a time: the others wait here, not in the pool
    held.gate.set()
    for thread in threads:
        thread.join(30)
    assert held.ran == ["a", "b", "c", "d"] and not drawer.busy
    held.pool.shutdown()


def test_what_another_process_cannot_import_is_built_here():
    def local(x):
        return x + 1

    def boundary(flat):
        return decision_boundary(flat, "sigmoid", 2, "en")

    drawer = Drawer(lambda: pytest.fail("no process for a local function"))
    assert drawer.draw(local, 1) == 2
    flat = train(Config(epochs=50)).params[-1]
    drawn = drawer.draw(spec_of, boundary, (flat,), {}, None, False, True)
    assert drawn == spec_of(decision_boundary, (flat, "sigmoid", 2, "en"), {}, None, False, True)
    assert not by_name(local) and not by_name((1, [local])) and by_name((decision_boundary, {"a": spec_of}, 3))


class Broken(Executor):
    """A pool whose process died."""

    def submit(self, fn, /, *args, **kwargs) -> Future:
        fut: Future = Future()
        fut.set_exception(BrokenProcessPool("gone"))
        return fut


def test_a_broken_process_is_replaced_and_its_chart_built_here():
    pools: list[Executor] = [Broken(), ThreadPoolExecutor(1)]
    drawer = Drawer(lambda: pools.pop(0))
    assert drawer.draw(_upper, "a") == "A"  # built here
    assert drawer.pool is None and not drawer.busy
    assert drawer.draw(_upper, "b") == "B"  # in the new pool
    assert isinstance(drawer.pool, ThreadPoolExecutor) and not pools
    drawer.shutdown()


def test_a_builders_error_reaches_the_page():
    drawer = Drawer(lambda: ThreadPoolExecutor(1))
    with pytest.raises(ValueError, match="bad"):
        drawer.draw(_fails, "bad")
    assert drawer.draw(_upper, "c") == "C"
    assert drawer.pool is not None
    drawer.shutdown()


def _upper(text: str) -> str:
    return text.upper()


def _fails(message: str) -> None:
    raise ValueError(message)
