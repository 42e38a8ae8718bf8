"""Run a program on a pseudo-terminal and time how long it takes to show a text.

Headless Textual (``run_test``) skips the driver, the terminal size query and
the writes to a real file descriptor, so it says little about what a user
waits for.  Here the program runs as it would in a terminal emulator: on a
pty of a fixed size, with ``TERM=xterm-256color``, and the parent reads
everything it writes until a marker appears in the output.  The elapsed time
is measured from just before the spawn, so interpreter start-up and imports
count, as they do for the user.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import select
import signal
import struct
import subprocess
import termios
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

COLUMNS, LINES = 160, 45


@dataclass(frozen=True)
class Sighting:
    """When each marker was first seen, in seconds from the spawn (None: never seen)."""

    seconds: dict[str, float | None]
    started: float
    """``time.monotonic()`` just before the spawn (comparable across processes on Linux)."""
    output_bytes: int

    def __getitem__(self, marker: str) -> float | None:
        return self.seconds[marker]


def _make_controlling() -> None:
    """In the child, after ``setsid``: the pty becomes its controlling terminal, as in a shell."""
    with contextlib.suppress(OSError):
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def time_markers(
    argv: Sequence[str],
    markers: Sequence[str],
    *,
    env: Mapping[str, str] | None = None,
    cwd: str | None = None,
    size: tuple[int, int] = (COLUMNS, LINES),
    timeout: float = 60.0,
) -> Sighting:
    """Spawn ``argv`` on a fresh pty; return when each marker first appeared in its output.

    Returns once every marker was seen (or at the timeout), then kills the
    program's process group: the benchmark measures start-up, not quitting.
    With no markers it waits for the program to exit (or the timeout).
    The output is drained continuously so the program never blocks on a full
    pty buffer; markers are matched on the raw bytes, which is safe as long as
    the marker is a run of text drawn in one style (no escape sequence inside).
    """
    master, slave = os.openpty()
    columns, lines = size
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
    full_env = dict(os.environ if env is None else env)
    full_env.setdefault("TERM", "xterm-256color")
    full_env["COLUMNS"], full_env["LINES"] = str(columns), str(lines)
    wanted = {m: m.encode("utf-8") for m in markers}
    seen: dict[str, float | None] = dict.fromkeys(markers)
    buffer = bytearray()
    started = time.monotonic()
    proc = subprocess.Popen(
        list(argv), stdin=slave, stdout=slave, stderr=slave, env=full_env, cwd=cwd,
        start_new_session=True, preexec_fn=_make_controlling, close_fds=True,
    )
    os.close(slave)
    deadline = started + timeout
    try:
        while not seen or any(v is None for v in seen.values()):
            left = deadline - time.monotonic()
            if left <= 0:
                break
            ready, _, _ = select.select([master], [], [], min(left, 0.5))
            if not ready:
                if proc.poll() is not None:
                    break
                continue
            try:
                chunk = os.read(master, 1 << 16)
            except OSError:  # EIO: the child closed the pty
                break
            if not chunk:
                break
            now = time.monotonic() - started
            # keep a tail of the old output, so a marker split across two reads is found
            search_from = max(0, len(buffer) - 256)
            buffer += chunk
            for marker, raw in wanted.items():
                if seen[marker] is None and buffer.find(raw, search_from) >= 0:
                    seen[marker] = now
    finally:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        os.close(master)
    return Sighting(seen, started, len(buffer))
