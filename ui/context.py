"""What every view gets: the open Collection, one writer thread, and change notifications as Qt signals.

Views never poke each other: an operation changes records on the writer thread, the Collection reports the
committed change, and ``AppContext.changed`` delivers it on the GUI thread to whoever shows that kind.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.collection import Change, Collection
from app.queries.rules import activate
from app.rules.active import install


class JobSignals(QObject):
    done = Signal(object)
    failed = Signal(object)  # the exception
    progress = Signal(int, int, str)  # done, total, label


class Job(QRunnable):
    """Run ``fn(*args, progress=…, cancel=…)`` (when it accepts them) off the GUI thread."""

    def __init__(self, fn: Callable[..., Any], *args: Any, with_progress: bool = False, **kwargs: Any) -> None:
        super().__init__()
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self.signals = JobSignals()
        self.cancel_event = threading.Event()
        if with_progress:
            self.kwargs["progress"] = lambda d, t, label="": self.signals.progress.emit(d, t, label)
            self.kwargs["cancel"] = self.cancel_event

    def cancel(self) -> None:
        self.cancel_event.set()

    def run(self) -> None:
        try:
            result = self.fn(*self.args, **self.kwargs)
        except Exception as exc:  # reported to the GUI, which shows it in Chinese
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


class AppContext(QObject):
    changed = Signal(object)  # app.store.records.Change, on the GUI thread
    open_record = Signal(str, str)  # kind, id: "show me this record" (the main window navigates)
    locking = Signal()  # about to drop the key: views clear what they show
    status = Signal(str)  # a short, passing message for the status bar
    notice = Signal(str)  # a message the user must see beside the record shown (e.g. an outdated sheet)

    def __init__(self, col: Collection, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.col = col
        # All writes on one thread (BRIEF §5, Anki/Picard): a single-threaded pool keeps them in order.
        self.writer = QThreadPool(self)
        self.writer.setMaxThreadCount(1)
        # Reads that take long (batch printing, sync) on a small separate pool.
        self.workers = QThreadPool(self)
        self.workers.setMaxThreadCount(2)
        # Running jobs are kept here: a Job whose Python wrapper is collected takes its signal object with
        # it, and callbacks such as lambdas would then silently never run.
        self._jobs: set[Job] = set()
        self._unsubscribe = col.subscribe(self._on_change)
        activate(col)  # the store's rule set is in force while it is open (docs/RULES.md)

    def _on_change(self, change: Change) -> None:
        # Called on whatever thread committed; Qt queues the signal to the GUI thread.
        self.changed.emit(change)

    def write(self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None] | None = None,
              on_error: Callable[[Exception], None] | None = None, **kwargs: Any) -> Job:
        """Run a write operation on the writer thread."""
        return self._submit(self.writer, Job(fn, *args, **kwargs), on_done, on_error)

    def write_now(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Run a write operation here and now, for the rare one that must be on disk before the GUI goes on
        (a form's draft before the key is dropped). Keep it short: it blocks the GUI thread."""
        return fn(*args, **kwargs)

    def background(self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None] | None = None,
                   on_error: Callable[[Exception], None] | None = None,
                   on_progress: Callable[[int, int, str], None] | None = None, **kwargs: Any) -> Job:
        """Run long work off the GUI thread with progress and cancel (``fn`` gets progress=, cancel=)."""
        job = Job(fn, *args, with_progress=on_progress is not None, **kwargs)
        if on_progress:
            job.signals.progress.connect(on_progress)
        return self._submit(self.workers, job, on_done, on_error)

    def _submit(self, pool: QThreadPool, job: Job, on_done: Callable[[Any], None] | None,
                on_error: Callable[[Exception], None] | None) -> Job:
        if on_done:
            job.signals.done.connect(on_done)
        if on_error:
            job.signals.failed.connect(on_error)
        self._jobs.add(job)
        job.signals.done.connect(lambda _r, j=job: self._jobs.discard(j))
        job.signals.failed.connect(lambda _e, j=job: self._jobs.discard(j))
        pool.start(job)
        return job

    def wait_idle(self, msecs: int = 30000) -> bool:
        return self.writer.waitForDone(msecs) and self.workers.waitForDone(msecs)

    def close(self) -> None:
        """Finish queued writes, then drop the key (the Collection closes)."""
        self.locking.emit()
        self.wait_idle()
        self._unsubscribe()
        install(None)
        self.col.close()
