"""The one way the GUI runs slow work: a core function in a worker thread, results back on the UI thread.

Modelled on Anki's ``CollectionOp``: the function given to :class:`Operation` runs in a
``QThreadPool`` thread and must not touch any widget; ``on_success`` and ``on_failure`` are called on the
UI thread with the function's return value or the exception it raised. Core functions that report
progress take ``progress(done, total)`` and ``cancelled() -> bool`` callbacks; :class:`Operation` turns
them into a progress dialog with a working Cancel button.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget


class Cancelled(Exception):
    """Raised by a worker function (or its core callee) when the user pressed Cancel."""


class _Signals(QObject):
    progressed = Signal(int, int)
    finished = Signal(bool, object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[Any], Any], signals: _Signals, control: OperationControl) -> None:
        super().__init__()
        # The Operation keeps the job and lets go of it on the UI thread: a runnable that Qt deletes in
        # the worker thread makes shiboken schedule the wrapper's deletion back onto the main thread,
        # which crashed (PySide6 6.12) when it ran during a nested event loop.
        self.setAutoDelete(False)
        self._fn = fn
        self._signals = signals
        self._control = control

    def run(self) -> None:  # worker thread: no widgets here
        try:
            result = self._fn(self._control)
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the UI thread
            exc.__swdesk_traceback__ = traceback.format_exc()  # type: ignore[attr-defined]
            self._signals.finished.emit(False, exc)
        else:
            self._signals.finished.emit(True, result)


class OperationControl:
    """What the worker function receives: progress reporting and the cancel flag."""

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    def progress(self, done: int, total: int) -> None:
        self._signals.progressed.emit(int(done), int(total))

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled

    def cancel(self) -> None:
        self._cancel.set()


_running: set[Operation] = set()


class Operation(QObject):
    """Run ``fn(control)`` off the UI thread.

    ``label`` shows a modal progress dialog (after a short delay, so quick work does not flash one);
    ``cancellable`` adds its Cancel button. ``on_failure`` defaults to the readable error dialog of
    :func:`swdesk.gui.errors.show_error`; a cancelled operation calls neither callback unless
    ``on_cancel`` is given.
    """

    done = Signal()

    def __init__(
        self,
        fn: Callable[[OperationControl], Any],
        *,
        parent: QWidget | None,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        on_cancel: Callable[[], None] | None = None,
        label: str | None = None,
        cancellable: bool = False,
    ) -> None:
        super().__init__(None)
        self._parent = parent
        self._fn = fn
        self._on_success = on_success
        self._on_failure = on_failure
        self._on_cancel = on_cancel
        self._signals = _Signals()
        self.control = OperationControl(self._signals)
        self._signals.progressed.connect(self._progressed)
        self._signals.finished.connect(self._finished)
        self._dialog: QProgressDialog | None = None
        if label is not None:
            dialog = QProgressDialog(label, self.tr("Cancel") if cancellable else "", 0, 0, parent)
            if not cancellable:
                dialog.setCancelButton(None)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(400)
            # setValue(minimum) starts the 400 ms wait: without it Qt keeps its default 4 s, so a report that
            # takes three seconds showed nothing at all
            dialog.setValue(0)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.canceled.connect(self.control.cancel)
            self._dialog = dialog

    def start(self) -> Operation:
        _running.add(self)
        self._job = _Job(self._fn, self._signals, self.control)
        QThreadPool.globalInstance().start(self._job)
        return self

    def cancel(self) -> None:
        self.control.cancel()

    def _progressed(self, done: int, total: int) -> None:
        if self._dialog is not None:
            self._dialog.setMaximum(max(total, 0))
            self._dialog.setValue(min(done, total) if total > 0 else 0)

    def _finished(self, ok: bool, payload: object) -> None:
        if self._dialog is not None:
            self._dialog.hide()
            self._dialog.deleteLater()
            self._dialog = None
        try:
            if ok:
                if self._on_success is not None:
                    self._on_success(payload)
            elif isinstance(payload, Cancelled) or (self.control.cancelled() and self._on_cancel):
                if self._on_cancel is not None:
                    self._on_cancel()
            elif self._on_failure is not None:
                self._on_failure(payload)  # type: ignore[arg-type]
            else:
                from swdesk.gui.errors import show_error

                show_error(self._parent, payload)  # type: ignore[arg-type]
        finally:
            self.done.emit()
            # let go of this operation only after the slot has returned (dropping the last reference
            # inside its own slot would delete the QObject under Qt's feet)
            QTimer.singleShot(0, lambda: _running.discard(self))


def run_operation(fn: Callable[[OperationControl], Any], **kwargs: Any) -> Operation:
    """Create and start an :class:`Operation` (keyword arguments as its constructor)."""
    return Operation(fn, **kwargs).start()


def wait_all(timeout_ms: int = 30_000) -> bool:
    """Wait for every worker thread (used on exit and by tests)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)


class Reloader:
    """A view's "load the data again" off the UI thread, where the newest request wins.

    ``prepare()`` runs on the UI thread, reads the view's inputs (the year, a filter) and returns the function
    that loads; ``load()`` runs that function in a worker and hands its result to ``on_loaded``. A call while a load is running
    waits for it and then loads once more (however many calls came meanwhile), so a view never shows the
    result of an older request after a newer one. A failure goes to ``on_failed``, or to the readable error
    dialog.
    """

    def __init__(
        self,
        parent: QWidget,
        prepare: Callable[[], Callable[[], Any]],
        on_loaded: Callable[[Any], None],
        on_failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        self._parent = parent
        self._prepare = prepare
        self._on_loaded = on_loaded
        self._on_failed = on_failed
        self._running = False
        self._pending = False

    @property
    def busy(self) -> bool:
        return self._running

    def load(self) -> None:
        if self._running:
            self._pending = True
            return
        self._running = True
        fn = self._prepare()
        run_operation(lambda _c: fn(), parent=self._parent, on_success=self._success, on_failure=self._failure)

    def _again(self) -> bool:
        self._running = False
        if self._pending:
            self._pending = False
            self.load()
            return True
        return False

    def _success(self, result: Any) -> None:
        if not self._again():
            self._on_loaded(result)

    def _failure(self, exc: BaseException) -> None:
        if self._again():
            return
        if self._on_failed is not None:
            self._on_failed(exc)
        else:
            from swdesk.gui.errors import show_error

            show_error(self._parent, exc)
