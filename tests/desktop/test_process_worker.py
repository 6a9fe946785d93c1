"""The worker process that runs the plan search: a result or one line of error comes back, and
Cancel leaves no worker behind, whenever it is pressed; a spare worker started ahead takes the
next run, and a new spare follows each run or Cancel."""

from desktop.process_worker import ProcessTaskRunner
from model.demo import demo_portfolio
from model.optimise import Constraints
from model.optimise_process import echo, import_optimiser, run_plan
from tests.desktop.worker_processes import ended, workers


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


# A spare worker, started ahead with the optimiser imported (ProcessTaskRunner.prepare).


def spare_runner(qtbot) -> ProcessTaskRunner:
    runner = ProcessTaskRunner(warm=import_optimiser)
    runner.prepare()
    assert runner.wait_ready(120)
    return runner


def test_a_run_on_the_ready_spare_delivers_the_plan_found_here(qtbot):
    runner = spare_runner(qtbot)
    spare = runner.spare.process
    kwargs = dict(
        portfolio=demo_portfolio(),
        scenario=None,
        year=2030,
        objective="max-expected",
        constraints=Constraints(include_uncosted=True, max_deals=2),
        draws=50,
        start=2025,
        end=2040,
    )
    with qtbot.waitSignal(runner.finished, timeout=120_000) as got:
        runner.start(run_plan, **kwargs)
    assert runner.process is spare  # the run went to the worker started ahead
    here = run_plan(**kwargs, progress=lambda f: None, cancelled=lambda: False)
    (outcome,) = got.args
    assert outcome.result.as_dict() == here.result.as_dict()
    # The spare is used up; the next one is started in the background, its own process.
    assert runner.wait_ready(120)
    assert runner.spare.process.pid != spare.pid
    qtbot.waitUntil(lambda: ended(spare), timeout=5_000)
    runner.shutdown()


def test_cancel_ends_the_run_and_the_next_run_starts_on_a_new_spare(qtbot):
    runner = spare_runner(qtbot)
    results = []
    runner.finished.connect(results.append)
    runner.failed.connect(results.append)
    kwargs = dict(portfolio=demo_portfolio(), scenario=None, year=2030, start=2025, end=2040)
    runner.start(
        run_plan, objective="max-probability", constraints=Constraints(), draws=5000, **kwargs
    )
    qtbot.waitUntil(lambda: runner.process is not None, timeout=30_000)
    cancelled = runner.process
    runner.cancel()
    assert ended(cancelled) and not runner.busy
    assert runner.wait_ready(120)  # a new spare, started after Cancel
    assert runner.spare.process is not cancelled
    qtbot.wait(300)
    assert results == []  # the cancelled run says nothing
    with qtbot.waitSignal(runner.finished, timeout=120_000) as got:
        runner.start(echo, value="again")
    assert got.args == ["again"]
    runner.shutdown()


def test_shutdown_leaves_no_worker_and_starts_no_spare(qtbot):
    runner = spare_runner(qtbot)
    spare = runner.spare.process
    runner.start(echo, value=1)
    runner.shutdown()
    assert ended(spare) and runner.spare is None
    qtbot.waitUntil(lambda: not workers(), timeout=10_000)
    qtbot.wait(500)  # the run thread is over: it starts no new spare after a shutdown
    assert not workers() and runner.spare is None


def test_wait_ready_says_whether_a_spare_is_ready_or_coming(qtbot):
    runner = ProcessTaskRunner(warm=import_optimiser)
    assert not runner.wait_ready(120) and runner.spare is None  # none asked for: none coming
    runner.prepare()
    assert runner.wait_ready(120) and runner.spare.ready and runner.spare.alive()
    assert runner.wait_ready(120)  # still there: a spare waits for its run
    runner.shutdown()
    assert not runner.wait_ready(120) and runner.spare is None
