"""The entry point of `vedtekt` and `python -m engine`: signals first, then everything else.

The handler for SIGINT and SIGTERM (engine.cli.signals) is installed before click, pydantic and
the engine are imported (about a tenth of a second), so a signal during start-up ends the same way
as one during the work: «vedtekt: avbrutt», exit 130 or 143, no traceback.
"""
from __future__ import annotations

import os
import signal

from engine.cli.signals import SIGNALS, Interrupted, catch_signals, interrupted


def _exit_at_once(signum, _frame):
    os.write(2, b"vedtekt: avbrutt\n")
    os._exit(128 + signum)


def main(argv=None) -> None:
    """The console script's target: catch signals, then import and run the command line.

    For a process only (it leaves its handlers in place): tests call engine.cli.main.main."""
    try:
        catch_signals()  # before any heavy import: a signal during start-up says «avbrutt» too
        from engine.cli.main import main as run_command_line

        run_command_line(argv)
    except Interrupted as exc:
        interrupted(exc.code)
    except KeyboardInterrupt:  # a SIGINT that came before this module was imported
        interrupted(128 + signal.SIGINT)
    finally:
        # the command is over (its report written): a signal while the interpreter shuts down
        # ends the process at once, without unwinding through code that could print a traceback
        for sig in SIGNALS:
            signal.signal(sig, _exit_at_once)
