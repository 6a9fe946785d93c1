"""The worker process that runs the plan search: a result or one line of error comes back, and
Cancel leaves no worker behind, whenever it is pressed."""

import multiprocessing

from desktop.process_worker import ProcessTaskRunner
from model.demo import demo_portfolio
from model.optimise import Constraints
from model.optimise_process import echo, run_plan


def workers():
    return [p for p in multiprocessing.active_children() if p.name == "repm-worker"]


def test_the_result_comes_back(qtbot):
    runner = ProcessTaskRunner()
    with qtbot.waitSignal(runner.finished, timeout=120_000) as got:
        runner.start(echo, value={"t": 1.5})
    assert got.args == [{"t": 1.5}] and not runner.busy
    qtbot.waitUntil(lambda: not workers(), timeout=5_000)


def test_an_error_in_the_worker_comes_back_as_one_line(qtbot):
    runner = ProcessTaskRunner()
    kwargs = dict(scenario=None, objective="max-expected", constraints=Constraints(), draws=50)
    with qtbot.waitSignal(runner.failed, timeout=120_000) as got:
        runner.start(
            run_plan, portfolio=demo_portfolio(), year=1999, start=2025, end=2040, **kwargs
        )
    (text,) = got.args
    assert text == "PlanRequestError: year 1999 is outside the horizon 2025-2040"


def test_cancel_at_once_leaves_no_worker_and_no_result(qtbot):
    runner = ProcessTaskRunner()
    results = []
    runner.finished.connect(results.append)
    runner.failed.connect(results.append)
    runner.start(echo, value=1)
    runner.cancel()
    qtbot.waitUntil(lambda: not workers(), timeout=5_000)
    qtbot.wait(300)
    assert results == [] and runner.process is None and not runner.busy
