"""Worker processes: the same site whatever the number of workers, and failures surface."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from minutebook.parallel import MIN_PER_WORKER, WorkerFailed, run_shared
from tests.conftest import Project

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import gen_corpus  # noqa: E402 (bench/ is not a package; it is put on the path just above)


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def _squares(share: Sequence[int], report: Callable[[int], None]) -> list[int]:
    report(len(share))
    return [n * n for n in share]


def test_shares_cover_every_input_once_and_report_all_progress() -> None:
    inputs = list(range(5 * MIN_PER_WORKER))
    reported: list[int] = []
    shares = run_shared(_squares, inputs, 2, reported.append)
    assert len(shares) == 2  # really split
    assert sorted(n for share in shares for n in share) == [n * n for n in inputs]
    assert sum(reported) == len(inputs)


def test_small_inputs_run_in_this_process() -> None:
    def job(share: Sequence[int], report: Callable[[int], None]) -> int:
        return os.getpid()

    assert run_shared(job, [1, 2, 3], 4, lambda n: None) == [os.getpid()]


def test_an_exception_in_a_worker_is_raised_with_its_traceback() -> None:
    def job(share: Sequence[int], report: Callable[[int], None]) -> None:
        if 7 in share:
            raise ValueError("item seven is broken")

    with pytest.raises(WorkerFailed, match="item seven is broken"):
        run_shared(job, list(range(4 * MIN_PER_WORKER)), 2, lambda n: None)


def test_a_worker_killed_outright_is_reported_not_waited_for() -> None:
    def job(share: Sequence[int], report: Callable[[int], None]) -> None:
        if 0 in share:
            os.kill(os.getpid(), signal.SIGKILL)  # what the out-of-memory killer does

    with pytest.raises(WorkerFailed, match="stopped unexpectedly"):
        run_shared(job, list(range(4 * MIN_PER_WORKER)), 2, lambda n: None)


def test_two_workers_build_the_same_bytes_as_one(tmp_path: Path) -> None:
    project = Project(tmp_path)
    gen_corpus.generate(project.content, 2 * MIN_PER_WORKER + 50, 4, 3, 5)
    one = project.run("build", "--no-search", "--jobs", "1", "--output", str(tmp_path / "one"))
    two = project.run("build", "--no-search", "--jobs", "2", "--output", str(tmp_path / "two"))
    assert one.exit_code == two.exit_code == 0, one.err + two.err
    first, second = _tree(tmp_path / "one"), _tree(tmp_path / "two")
    assert len(first) > 2 * MIN_PER_WORKER
    assert first == second


def test_jobs_must_be_a_positive_number(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    result = project.run("build", "--jobs", "0")
    assert result.exit_code == 2
    assert "argument --jobs: expected a whole number of at least 1" in capsys.readouterr().err
