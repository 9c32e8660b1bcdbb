"""The entry point of `vedtekt` and `python -m engine`: signals first, then everything else.

The handler for SIGINT and SIGTERM (engine.cli.signals) is installed before click, pydantic and
the engine are imported (about a tenth of a second), so a signal during start-up ends the same way
as one during the work: «vedtekt: avbrutt», exit 130 or 143, no traceback.
"""
from __future__ import annotations

import gc
import os
import signal
import sys
import types

from engine.cli.signals import SIGNALS, Interrupted, catch_signals, interrupted


def _exit_at_once(signum, _frame):
    os.write(2, b"vedtekt: avbrutt\n")
    os._exit(128 + signum)


def _no_plugin_discovery() -> None:
    """pydantic imports its plugin finder, and with it importlib.metadata (zipfile, email, csv: about
    a tenth of a cold check's CPU), when it builds the first validator, even where
    PYDANTIC_DISABLE_PLUGINS says there are none. The CLI uses no plugins (set in the environment
    unless the user set it, as engine.cli.main does): give pydantic a finder that finds none."""
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "1")
    if os.environ["PYDANTIC_DISABLE_PLUGINS"] not in ("1", "true", "__all__"):
        return
    finder = "pydantic.plugin._loader"  # its one name used by pydantic: get_plugins
    if finder not in sys.modules:
        stub = types.ModuleType(finder)
        stub.get_plugins = lambda: ()  # type: ignore[attr-defined]
        sys.modules[finder] = stub


# The cycle collector's first-generation threshold for the command's process (CPython's is 700):
# judging meetings makes many short-lived containers (facts, findings, verdicts), and at 700 the
# collector ran 680 times in a round of the bench's 500 meetings (check_all and reference), about
# 39 of 376 ms, against 30 times and 12 ms at 10,000; measured side by side in one process, the
# folder check gained about 3 %. Garbage is still collected, in larger steps.
FIRST_GENERATION_THRESHOLD = 10_000


def main(argv=None) -> None:
    """The console script's target: catch signals, then import and run the command line.

    For a process only (it leaves its handlers and the collector's threshold in place): tests
    call engine.cli.main.main."""
    try:
        catch_signals()  # before any heavy import: a signal during start-up says «avbrutt» too
        gc.set_threshold(FIRST_GENERATION_THRESHOLD, *gc.get_threshold()[1:])
        _no_plugin_discovery()
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
