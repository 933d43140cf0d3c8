"""What an internal failure looks like from outside: exit status 2 and one
line naming a crash report, never a traceback with exit status 1.

Exit status 1 means "issues found"; a CI job that fails on it must be able
to tell a crash from a lint failure, so a crash gets the status of a usage
or configuration error (2), and Ctrl-C or SIGTERM the shell's 128 + signal
(130, 143).  The traceback goes to a file in the temporary directory, which
the line names, so that a user can attach it to a bug report without the
terminal being flooded.
"""

from __future__ import annotations

import os
import sys

import click

EXIT_CRASH = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports Ctrl-C


class Terminated(BaseException):
    """SIGTERM, raised in the main thread so that cleanup (stopping the
    worker processes) runs; a BaseException like KeyboardInterrupt, so no
    ``except Exception`` swallows it."""

    def __init__(self, signal_number: int):
        super().__init__(signal_number)
        self.signal_number = signal_number


def write_crash_report(exc: BaseException) -> str | None:
    """Write the traceback and what is needed to reproduce it; the file's
    path, or None when no file can be written."""
    import platform
    import tempfile
    import time
    import traceback

    from linter import __version__

    lines = [
        f"disclint {__version__} crash report, {time.strftime('%Y-%m-%d %H:%M:%S %z')}",
        f"command: {' '.join(sys.argv)}",
        f"python: {sys.version.split()[0]} on {platform.platform()}",
        f"directory: {os.getcwd()}",
        "",
        *traceback.format_exception(type(exc), exc, exc.__traceback__),
    ]
    try:
        fd, path = tempfile.mkstemp(prefix="disclint-crash-", suffix=".txt")
        with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace") as handle:
            handle.write("\n".join(line.rstrip("\n") for line in lines) + "\n")
    except OSError:
        return None
    return path


def report_crash(exc: BaseException) -> None:
    """One line on stderr, then exit status 2."""
    path = write_crash_report(exc)
    where = f"; details in {path}" if path else ""
    summary = f"{type(exc).__name__}: {exc}".splitlines()[0][:300] if str(exc) else type(exc).__name__
    click.echo(f"disclint: internal error ({summary}){where}; please report it", err=True)
    sys.exit(EXIT_CRASH)


def report_interrupt(signal_number: int | None = None) -> None:
    """Ctrl-C or SIGTERM: one line, exit 128 + the signal's number."""
    click.echo("disclint: interrupted", err=True)
    sys.exit(128 + signal_number if signal_number else EXIT_INTERRUPTED)


def install_sigterm_handler() -> None:
    """Turn SIGTERM into :class:`Terminated` in the main thread, so that a
    killed ``--jobs`` run stops its workers before it goes."""
    import signal

    def terminated(signal_number, frame):
        raise Terminated(signal_number)

    try:
        signal.signal(signal.SIGTERM, terminated)
    except (ValueError, OSError):  # not the main thread, or no such signal
        pass


class GuardedGroup(click.Group):
    """The ``disclint`` group: every command's unexpected exception becomes
    a crash report and exit status 2; an interrupt exits 130 with one line
    (click would print "Aborted!" and exit 1)."""

    def invoke(self, ctx):
        install_sigterm_handler()
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            report_interrupt()
        except Terminated as exc:
            report_interrupt(exc.signal_number)
        except BrokenPipeError:
            raise  # stdout closed by `| head`: click exits quietly
        except Exception as exc:  # noqa: BLE001 - the last line of defence
            report_crash(exc)
