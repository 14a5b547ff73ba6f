"""Progress lines: redrawn in place on a terminal, periodic plain lines in a log."""

from __future__ import annotations

import io

from minutebook.progress import Progress


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_log_lines_are_periodic_with_counts_and_time_left() -> None:
    clock, stream = FakeClock(), io.StringIO()
    stage = Progress(stream, interactive=False, interval=10.0, clock=clock).stage("Writing", 400)
    for _ in range(4):
        clock.now += 5.0
        stage.advance(50)
    stage.finish()
    lines = stream.getvalue().splitlines()
    # 10 s in, 100 of 400 done: 30 s left; 20 s in, 200 done: 20 s left.
    assert lines == [
        "Writing: 100/400 items (25%), about 30 s left",
        "Writing: 200/400 items (50%), about 20 s left",
        "Writing: 200 items in 20.0 s",
    ]


def test_a_short_stage_in_a_log_prints_nothing() -> None:
    clock, stream = FakeClock(), io.StringIO()
    progress = Progress(stream, interactive=False, interval=10.0, clock=clock)
    stage = progress.stage("Reading", 5, "files")
    clock.now += 0.5
    stage.advance(5)
    stage.finish()
    with progress.step("Linking"):
        clock.now += 1.0
    assert stream.getvalue() == ""


def test_a_terminal_line_is_redrawn_in_place_then_ended() -> None:
    clock, stream = FakeClock(), io.StringIO()
    stage = Progress(stream, interactive=True, clock=clock).stage("Reading", 2000, "files")
    clock.now += 61.0
    stage.advance(1000)
    stage.finish()
    assert stream.getvalue() == (
        "\rReading: 1,000/2,000 files (50%), about 1 min 01 s left\x1b[K"
        "\rReading: 1,000 files in 61.0 s\x1b[K\n"
    )


def test_quiet_reports_nothing() -> None:
    progress = Progress.for_stream(io.StringIO(), quiet=True)
    assert progress.stream is None
