"""SIGINT and SIGTERM end a command with one line («vedtekt: avbrutt», in the language of --lang)
and exit 130 or 143: no partial report, no traceback (issue 17 item 8). Only the standard library
is imported here, so that engine.cli.entry can install the handler before anything heavy is
imported; the goodbye's words are read from the catalogue only when it is said.
"""
from __future__ import annotations

import signal
import sys
import threading

SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Interrupted(BaseException):
    """SIGTERM (or SIGINT) arrived: unwind without printing a partial report (128 + signal).

    A BaseException, so that no `except Exception` on the way swallows it."""

    def __init__(self, code: int):
        super().__init__(code)
        self.code = code


def _raise_interrupted(signum, _frame):
    raise Interrupted(128 + signum)


def catch_signals():
    """SIGINT and SIGTERM raise Interrupted from now on; returns the function that restores the
    handlers there were before. Only in the main thread (handlers cannot be set elsewhere)."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    saved = {sig: signal.signal(sig, _raise_interrupted) for sig in SIGNALS}

    def restore():
        for sig, old in saved.items():
            signal.signal(sig, old if old is not None else signal.SIG_DFL)

    return restore


class signals_held:
    """Hold SIGINT and SIGTERM while a finished report is written; they are delivered after."""

    def __enter__(self):
        self.held = hasattr(signal, "pthread_sigmask")
        if self.held:
            signal.pthread_sigmask(signal.SIG_BLOCK, set(SIGNALS))

    def __exit__(self, *exc):
        if self.held:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, set(SIGNALS))


def interrupted(code: int) -> None:
    """Say goodbye in one line and exit with `code` (130 for SIGINT, 143 for SIGTERM)."""
    for sig in SIGNALS:  # a second ^C must not interrupt the goodbye
        signal.signal(sig, signal.SIG_IGN)
    try:
        sys.stderr.write(_goodbye() + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass  # stderr closed: the exit code still says it
    sys.exit(code)


def _goodbye() -> str:
    """«vedtekt: avbrutt» in the language of --lang, from the catalogue (cli.interrupted). The
    bokmål line when the catalogue cannot be read: a signal may come before anything but the
    standard library is importable, and the goodbye must still be said."""
    try:
        from engine.cli.arguments import chosen_lang
        from engine.render.catalogue import message

        return message("cli.interrupted", chosen_lang(None))
    except Exception:
        return "vedtekt: avbrutt"
