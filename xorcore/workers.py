"""Runs trained off the web server's interpreter: worker processes behind one fair queue, stored on disk.

A page asks for a run (ask) and waits on its Job; every session asking for the same run waits on the same
Job, and a run already in the store is never trained again. Worker processes come from the forkserver
start method (forked from a clean process that imported PyTorch once), one per core the process may use,
niced so that the web server's reruns win the CPU from them; each PyTorch uses one thread. Where only one
core exists (or XORLAB_WORKERS=0) a thread of this process trains instead. Either way the run is `train`'s
own, bit for bit (tests/test_workers.py).

The queue's rule: a run of the class (several sessions wait for it, or a page asked for it that the class
follows: the teacher's change, before the class has asked) goes before any other; within each, the least
expected work per waiting session goes first, less the seconds it has already waited. So the teacher's change
never waits behind students' own runs however long they have queued; a short run goes before one student's
10,000-epoch, 8-unit run; and since waiting counts, a long run waits at most about its own length for newcomers
of its kind. Background runs (the stuck diagnosis's 10,000-epoch twin) go only when no page's run waits; so do runs asked ahead
of the teacher (the lecture's comparisons from the teacher's setting), which the class's lane trains too while no
run of the class waits, so that the teacher's next change of activation or optimizer is read, not trained. A run
nobody waits for any more is dropped before it starts (its page moved on). A run cannot be stopped once it
trains, so one more process, the class's lane, trains the class's runs only, not niced: the teacher's change
never waits for a student's run to finish, and gets a core while the workers train students' runs.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import partial

import numpy as np

from .config import Config
from .store import BUDGET, RunStore, decode, default_path, encode, run_key
from .train import History, train

NICE = 10  # the workers' niceness: the web process's reruns and the class's lane come first on a busy CPU
FINISHED = 8  # finished runs the trainer keeps for sessions that come back for them (at most 13 MB)
STALE_S = 5.0  # a background run nobody asked for in this long is dropped before it starts
AHEAD_S = 60.0  # the same for a run asked ahead of the teacher (asked once, not on every rerun)
AHEAD_EPOCHS = 3000  # runs asked ahead are at most this long (the lane is busy with one for about a second)
_SECONDS_PER_EPOCH = 3.5e-4  # the lecture's run, about: only the queue's order depends on it


@dataclass(eq=False)
class Job:
    """One run asked for: what to train, who waits, how far it is, and its History once done."""

    key: str
    config: Config
    task: str
    init: tuple[float, ...] | None
    background: bool
    shared: bool = False  # asked for by a page the class follows (xorcore's caller says)
    ahead: bool = False  # a background run the teacher may ask for next (the class's lane trains it when idle)
    waiters: int = 0
    since: float = 0.0  # when first asked (a page run's waiting time)
    asked: float = 0.0  # when last asked (a background run's staleness)
    share: float = 0.0  # progress, 0..1
    started: bool = False
    done: threading.Event = field(default_factory=threading.Event)
    history: History | None = None
    error: BaseException | None = None
    tries: int = 0

    def of_class(self) -> bool:
        """Whether the class waits for it: several sessions, or a page the class follows."""
        return self.waiters >= 2 or self.shared

    def cost(self) -> float:
        """Expected seconds of training (epochs, a little more per hidden unit)."""
        return self.config.epochs * (1 + self.config.hidden / 16) * _SECONDS_PER_EPOCH

    def result(self) -> History:
        """The trained run (raises the training's error)."""
        if self.error is not None:
            raise self.error
        assert self.history is not None
        return self.history


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def default_workers() -> int:
    """XORLAB_WORKERS if set, else one worker per core; 0 (train in a thread here) where only one core exists."""
    if (env := os.environ.get("XORLAB_WORKERS", "").strip()) != "":
        return max(0, int(env))
    n = cores()
    return n if n > 1 else 0


class Trainer:
    """The fair queue in front of the workers (a pool of processes, or one thread where workers == 0)."""

    def __init__(self, workers: int, store: RunStore | None, clock: Callable[[], float] = time.monotonic) -> None:
        self.workers, self.store, self.clock = workers, store, clock
        self.lock = threading.Lock()
        self.jobs: dict[str, Job] = {}  # waiting or training
        self.finished: OrderedDict[str, Job] = OrderedDict()  # the last FINISHED runs, for askers who come back
        self.running, self.lane_busy = 0, False
        self.lane_ahead = False  # the lane trains a run asked ahead (the class's runs wait for it, not for a worker)
        self.pool: Executor | None = None
        self.lane: Executor | None = None  # the class's lane (with worker processes only)
        self.queue: multiprocessing.Queue | None = None  # progress reports from the workers

    def ask(
        self,
        cfg: Config,
        task: str = "xor",
        init: np.ndarray | None = None,
        background: bool = False,
        shared: bool = False,
        ahead: bool = False,
    ) -> Job:
        """The Job of this run, queued if new. A page's ask waits (call leave when done); a background one does not.
        shared: the page asking is one the class follows (it goes first, in the class's lane). ahead (background):
        a run the teacher may ask for next, which the class's lane trains while no run of the class waits."""
        key = run_key(cfg, task, init)
        with self.lock:
            job = self.jobs.get(key) or self.finished.get(key)
            if job is None:
                start = None if init is None else tuple(float(v) for v in np.asarray(init, dtype=np.float32))
                job = self.jobs[key] = Job(key, cfg, task, start, background, ahead=background and ahead,
                                           since=self.clock())  # fmt: skip
            if background:
                job.asked = self.clock()
            else:
                if job.background:  # a page now waits for the background run: it queues as a page's run
                    job.background, job.ahead, job.since = False, False, self.clock()
                job.waiters += 1
                job.shared = job.shared or shared
        self._dispatch()
        return job

    def leave(self, job: Job) -> None:
        """A page stops waiting for job (it has its run, or it was left); nobody waiting: dropped unless started."""
        with self.lock:
            job.waiters -= 1
            if job.waiters <= 0 and not job.started and not job.background and self.jobs.get(job.key) is job:
                del self.jobs[job.key]

    def _next(self, lane: bool = False) -> Job | None:
        """The next run to train, by the queue's rule (module docstring); lane: only a run of the class, or one
        asked ahead of the teacher. Called with the lock held."""
        now = self.clock()
        waiting = [j for j in self.jobs.values() if not j.started]
        pages = [j for j in waiting if not j.background and j.waiters > 0]
        if lane:
            pages = [j for j in pages if j.of_class()]
        elif self.lane_ahead:  # a niced worker would train the class's run slower than the lane, soon free
            pages = [j for j in pages if not j.of_class()]

        def rank(j: Job) -> tuple[bool, float]:
            return not j.of_class(), j.cost() / j.waiters - (now - j.since)

        if pages:
            return min(pages, key=rank)
        for j in [j for j in waiting if j.background and now - j.asked > (AHEAD_S if j.ahead else STALE_S)]:
            del self.jobs[j.key]  # its page moved on
        fresh = [j for j in self.jobs.values() if not j.started and j.background and (j.ahead or not lane)]
        return min(fresh, key=lambda j: (j.ahead, j.asked), default=None)  # a page's twin before runs asked ahead

    def _dispatch(self) -> None:
        """Start queued runs while a worker (or, for the class's run, the lane) is free."""
        while True:
            with self.lock:
                if self.workers and not self.lane_busy and (job := self._next(lane=True)) is not None:
                    lane = self.lane_busy = True
                    self.lane_ahead = job.ahead
                elif self.running < max(1, self.workers) and (job := self._next()) is not None:
                    lane, self.running = False, self.running + 1
                else:
                    return
                job.started, job.tries = True, job.tries + 1
                pool = self._pool(lane)
            fut: Future[bytes | History]
            if self.workers:
                fut = pool.submit(_work, job.key, job.config, job.task, job.init)
            else:
                fut = pool.submit(_train_here, job, self.store)
            fut.add_done_callback(partial(self._finished, job, lane))

    def _pool(self, lane: bool = False) -> Executor:
        """The workers' pool, or the lane's (one process, not niced); both start with the first run."""
        if self.workers == 0:
            if self.pool is None:
                self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="xorlab-train")
            return self.pool
        if self.queue is None:
            ctx = multiprocessing.get_context("forkserver")
            ctx.set_forkserver_preload(["xorcore.forkserver"])  # its docstring says why
            self.queue = ctx.Queue()
            threading.Thread(target=self._read_progress, args=(self.queue,), daemon=True).start()
        if self.pool is None:
            self.pool = self._processes(self.workers, NICE)
        if self.lane is None:
            self.lane = self._processes(1, 0)
            self.lane.submit(_warm)  # it starts now, and trains once: the class's first run waits for neither
        return self.lane if lane else self.pool

    def _processes(self, n: int, nice: int) -> Executor:
        """n worker processes at this niceness, reporting progress on self.queue, storing in self.store."""
        assert self.queue is not None
        path = None if self.store is None else str(self.store.path)
        budget = 0 if self.store is None else self.store.budget
        ctx = multiprocessing.get_context("forkserver")
        return ProcessPoolExecutor(
            n, mp_context=ctx, initializer=_start_worker, initargs=(self.queue, path, budget, nice)
        )

    def _read_progress(self, queue: multiprocessing.Queue) -> None:
        while True:
            key, share = queue.get()
            if (job := self.jobs.get(key)) is not None:
                job.share = share

    def _finished(self, job: Job, lane: bool, fut: Future[bytes | History]) -> None:
        """A run came back: hand it to its waiters (a broken pool is replaced and the run tried once more)."""
        error = fut.exception()
        with self.lock:
            if lane:
                self.lane_busy = self.lane_ahead = False
            else:
                self.running -= 1
            if isinstance(error, BrokenProcessPool):
                if lane:
                    self.lane = None
                else:
                    self.pool = None
                if job.tries < 2:
                    job.started = False
                    error = None
            if error is not None or job.started:
                self.jobs.pop(job.key, None)
        if error is not None:
            job.error = error
            job.done.set()
        elif job.started:
            result = fut.result()
            job.history = decode(result) if isinstance(result, bytes) else result
            job.share = 1.0
            with self.lock:
                self.finished[job.key] = job
                while len(self.finished) > FINISHED:
                    self.finished.popitem(last=False)
            job.done.set()
        self._dispatch()

    def shutdown(self) -> None:
        """Stop the workers (queued runs are not trained)."""
        for pool in (self.pool, self.lane):
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)
        self.pool = self.lane = None


def _train_here(job: Job, store: RunStore | None) -> History:
    """Train a job in this process (the one-core fallback), store it and return it."""
    init = None if job.init is None else np.array(job.init, dtype=np.float32)
    hist = train(job.config, init=init, task=job.task, progress=lambda s: setattr(job, "share", s))
    if store is not None:
        store.put(job.key, hist)
    return hist


_QUEUE: multiprocessing.Queue | None = None
_STORE: RunStore | None = None


def _start_worker(queue: multiprocessing.Queue, path: str | None, budget: int, nice: int) -> None:
    """A worker's start: niced (the lane's not), one PyTorch thread, the shared store."""
    global _QUEUE, _STORE
    import torch

    os.nice(nice)
    torch.set_num_threads(1)
    _QUEUE, _STORE = queue, None if path is None else RunStore(path, budget)


def _work(key: str, cfg: Config, task: str, init: tuple[float, ...] | None) -> bytes:
    """A worker's run: from the store if another process trained it meanwhile, else trained and stored."""
    if _STORE is not None and (hist := _STORE.get(key)) is not None:
        return encode(hist)
    start = None if init is None else np.array(init, dtype=np.float32)
    queue = _QUEUE

    def report(share: float) -> None:
        if queue is not None:
            queue.put((key, share))

    hist = train(cfg, init=start, task=task, progress=report)
    if _STORE is not None:
        _STORE.put(key, hist)
    return encode(hist)


def _warm() -> None:
    """A worker's first training (PyTorch's first operations cost seconds), of a run nobody asked for."""
    train(Config(epochs=2))


_TRAINER: Trainer | None = None
_TRAINER_LOCK = threading.Lock()


def trainer() -> Trainer:
    """This process's trainer: default_workers() workers and the default store (both from the environment)."""
    global _TRAINER
    with _TRAINER_LOCK:
        if _TRAINER is None:
            path = default_path()
            budget = int(os.environ.get("XORLAB_STORE_BYTES", "").strip() or BUDGET)
            store = None if path is None else RunStore(path, budget)
            _TRAINER = Trainer(default_workers(), store)
            with _TRAINER.lock:
                _TRAINER._pool()  # the workers and the lane start with the first page, not with the first run
        return _TRAINER
