"""Imported by the training workers' forkserver alone (workers.Trainer preloads it): PyTorch is imported once
there, and every worker forked from it starts without the parent's __main__.

Under Streamlit the parent's __main__ is the page script, which a new worker would otherwise run again
(multiprocessing.spawn.prepare runs the parent's main file). A worker only trains runs: it needs none of it.
The change is made here, in the forkserver process, so no other process is touched.
"""

import multiprocessing.spawn

from . import workers  # noqa: F401  (imported once, shared by every worker)

multiprocessing.spawn._fixup_main_from_path = lambda main_path: None  # type: ignore[attr-defined]
