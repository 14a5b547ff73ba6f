"""Progress of a long build, per stage, with counts and an estimate of the time left.

On a terminal one status line is redrawn in place; in a log (CI, cron) a plain line is printed
every `interval` seconds instead, so a nightly build's log shows it is alive without flooding.
Short stages print nothing in a log: a five-item build stays quiet.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TextIO

Clock = Callable[[], float]


@dataclass
class Progress:
    """Where progress lines go; `Progress(None)` reports nothing (tests, library use)."""

    stream: TextIO | None
    interactive: bool = False
    interval: float = 10.0
    clock: Clock = time.monotonic

    @classmethod
    def for_stream(cls, stream: TextIO, quiet: bool = False) -> Progress:
        if quiet:
            return cls(None)
        return cls(stream, interactive=stream.isatty())

    def stage(self, name: str, total: int, unit: str = "items") -> StageProgress:
        return StageProgress(self, name, total, unit, started=self.clock())

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        """A stage with nothing to count: reported once, when it ends (if it took a while)."""
        started = self.clock()
        yield
        elapsed = self.clock() - started
        if self.interactive or (self.stream is not None and elapsed >= self.interval):
            self.write(f"{name}: done in {elapsed:.1f} s\n")

    def write(self, text: str) -> None:
        if self.stream is not None:
            self.stream.write(text)
            self.stream.flush()


@dataclass
class StageProgress:
    progress: Progress
    name: str
    total: int
    unit: str
    started: float
    done_count: int = 0
    last_shown: float = field(default=0.0)
    shown: bool = False

    def advance(self, count: int = 1) -> None:
        self.done_count += count
        now = self.progress.clock()
        gap = 0.1 if self.progress.interactive else self.progress.interval
        if now - max(self.last_shown, self.started) >= gap:
            self.last_shown = now
            self._show(self._status(now))

    def finish(self) -> None:
        elapsed = self.progress.clock() - self.started
        if self.progress.interactive or self.shown:
            self._show(f"{self.name}: {self.done_count:,} {self.unit} in {elapsed:.1f} s", end=True)

    def _status(self, now: float) -> str:
        elapsed = now - self.started
        line = f"{self.name}: {self.done_count:,}/{self.total:,} {self.unit}"
        if self.total and 0 < self.done_count <= self.total:
            left = elapsed * (self.total - self.done_count) / self.done_count
            line += f" ({100 * self.done_count // self.total}%), about {_duration(left)} left"
        return line

    def _show(self, line: str, end: bool = False) -> None:
        self.shown = True
        if self.progress.interactive:
            # \r and "erase to end of line" redraw the one status line in place.
            self.progress.write(f"\r{line}\x1b[K" + ("\n" if end else ""))
        else:
            self.progress.write(line + "\n")


def _duration(seconds: float) -> str:
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    return f"{minutes} min {seconds:02d} s"
