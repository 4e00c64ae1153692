"""`python -m benchmarks.agreement [--seeds N]`: train a sample of the default Experiments grid both on the numpy
engine and in PyTorch, count the runs whose outcome differs, and store it in xorcore/agreement.json (the
Experiments page states it)."""

from __future__ import annotations

import argparse
import itertools
import os
from concurrent.futures import ProcessPoolExecutor

from xorcore.agreement import Agreement, save
from xorcore.config import ACTIVATIONS, LECTURE, OPTIMIZERS, Config
from xorcore.experiments import run_grid
from xorcore.train import train


def _torch_outcome(config: Config) -> bool:
    return train(config).success()


def measure(seeds: int, jobs: int | None = None) -> Agreement:
    """Seeds 0..seeds-1 of every cell of the default grid (5 activations x 4 optimizers, lr 0.01, 2000 epochs)."""
    grid = run_grid(list(ACTIVATIONS), list(OPTIMIZERS), "optimizers", seeds, LECTURE.epochs)
    pairs = [(c, bool(grid.cell(a, o).success[c.seed])) for a, o in itertools.product(ACTIVATIONS, OPTIMIZERS)
             for c in (Config(s, a, o, LECTURE.lr, LECTURE.epochs, LECTURE.hidden) for s in range(seeds))]  # fmt: skip
    with ProcessPoolExecutor(jobs or os.cpu_count()) as pool:
        torch_ok = list(pool.map(_torch_outcome, [c for c, _ in pairs], chunksize=4))
    examples = [{**c.as_dict(), "engine": e, "torch": t} for (c, e), t in zip(pairs, torch_ok, strict=True) if e != t]
    return Agreement(len(pairs), len(examples), len(ACTIVATIONS) * len(OPTIMIZERS), seeds, LECTURE.epochs, examples)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, default=10, help="seeds per cell (each costs 20 PyTorch runs)")
    args = ap.parse_args()
    agreement = measure(args.seeds)
    save(agreement)
    print(f"{agreement.differ} of {agreement.runs} runs differ ({agreement.share:.1%}): {agreement.examples}")


if __name__ == "__main__":
    main()
