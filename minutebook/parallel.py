"""Run one job over shares of a list in forked worker processes, one per core.

Fork (not spawn) lets every worker read the parent's model without pickling it; a worker
sends back only its small result and progress counts. Where fork is unavailable, or for
small inputs, the job runs in this process: same results, one core.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import traceback
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.connection import Connection, wait
from typing import TypeVar

Share = TypeVar("Share")
Result = TypeVar("Result")
Kept = TypeVar("Kept")
Job = Callable[[Sequence[Share], Callable[[int], None]], Result]
PartsJob = Callable[[Sequence[Share], Callable[[int], None]], Iterator[Result]]

# Below this many inputs per worker (items or pages), starting processes costs more than it saves.
MIN_PER_WORKER = 200


class WorkerFailed(RuntimeError):
    """A worker raised or died; carries the worker's traceback or exit status."""


def _same(part: Result) -> Result:
    return part


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)


def run_shared(
    job: Job[Share, Result],
    inputs: Sequence[Share],
    jobs: int,
    on_progress: Callable[[int], None],
    min_per_worker: int = MIN_PER_WORKER,
) -> list[Result]:
    """Split inputs into `jobs` interleaved shares and run `job` on each; results in share order.

    Interleaving (every n-th input) balances the shares when inputs vary in cost by position
    (e.g. newer councils writing longer minutes).
    """

    def one_part(share: Sequence[Share], report: Callable[[int], None]) -> Iterator[Result]:
        yield job(share, report)

    shares = run_shared_parts(one_part, inputs, jobs, on_progress, _same, min_per_worker)
    return [parts[0] for parts in shares]


def run_shared_parts(
    job: PartsJob[Share, Result],
    inputs: Sequence[Share],
    jobs: int,
    on_progress: Callable[[int], None],
    on_part: Callable[[Result], Kept],
    min_per_worker: int = MIN_PER_WORKER,
) -> list[list[Kept]]:
    """As run_shared, for a job that yields its result in parts: each part goes to the parent as
    soon as it is made, so a worker never holds more than one part (and the parent never waits
    for a whole share's result to be pickled at once). The parent keeps `on_part(part)`, called
    as each part arrives, so it need not hold every raw part either."""
    jobs = min(jobs, max(1, len(inputs) // min_per_worker))
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [[on_part(part) for part in job(inputs, on_progress)]]
    context = multiprocessing.get_context("fork")
    # Move every object the parent has into the permanent generation, so the workers' garbage
    # collections never write to them: each such write would copy a page of the shared model.
    gc.freeze()
    workers = []
    for index in range(jobs):
        receiver, sender = context.Pipe(duplex=False)
        process = context.Process(target=_work, args=(job, inputs[index::jobs], sender))
        process.start()
        sender.close()
        workers.append((process, receiver))
    try:
        return _collect(workers, on_progress, on_part)
    finally:
        for process, _ in workers:
            if process.is_alive():
                process.terminate()
            process.join()
        gc.unfreeze()


def _work(job: PartsJob[Share, Result], share: Sequence[Share], sender: Connection) -> None:
    try:
        for part in job(share, lambda count: sender.send(("progress", count))):
            sender.send(("part", part))
        sender.send(("done", None))
    except BaseException:  # reported to the parent, which raises it there
        sender.send(("failed", traceback.format_exc()))
    finally:
        sender.close()


def _collect(
    workers: Sequence[tuple[multiprocessing.process.BaseProcess, Connection]],
    on_progress: Callable[[int], None],
    on_part: Callable[[Result], Kept],
) -> list[list[Kept]]:
    parts: list[list[Kept]] = [[] for _ in workers]
    open_pipes = {receiver: index for index, (_, receiver) in enumerate(workers)}
    while open_pipes:
        for receiver in wait(list(open_pipes)):
            assert isinstance(receiver, Connection)
            index = open_pipes[receiver]
            try:
                kind, payload = receiver.recv()
            except EOFError:  # the worker died without a word (killed, out of memory)
                code = workers[index][0].exitcode
                raise WorkerFailed(f"worker {index} stopped unexpectedly (exit {code})") from None
            if kind == "progress":
                on_progress(payload)
            elif kind == "part":
                parts[index].append(on_part(payload))
            elif kind == "failed":
                raise WorkerFailed(payload)
            else:
                del open_pipes[receiver]
    return parts
