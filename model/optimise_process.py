"""The plan search as a task a separate process can run, so that stopping it stops it.

HiGHS (through scipy.optimize.milp) cannot be interrupted from Python: a solve already running
goes on until its time limit. The desktop therefore runs `run_plan` in a process of its own
(`serve`, started with the 'spawn' method, which also works in the frozen bundle) and ends that
process when the user cancels. The search and its figures are the same as in the caller's process.

A new interpreter takes 1-2 s to import the model and SciPy, so the desktop starts its worker
ahead (`wait_for_task`): it imports them, says it is ready, then waits for its one task.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the optimiser (SciPy) is imported in the worker process, not by the app
    import numpy as np

    from model.optimise import Constraints, PlanResult
    from model.plan_reasons import LeftOut
    from model.portfolio import Portfolio
    from model.scenario import Scenario


@dataclass(frozen=True)
class PlanOutcome:
    result: PlanResult
    left_out: list[LeftOut]
    current: np.ndarray  # expected magnets by year, the portfolio as it stands
    years: np.ndarray
    constraints: Constraints
    # Expected magnets by year with no new deal: every open deal dropped, as a plan that closes
    # none has it (the basis a plan is on; `current` counts open deals at their chance).
    no_new_deal: np.ndarray | None = None


def run_plan(
    *,
    portfolio: Portfolio,
    scenario: Scenario | None,
    year: int,
    objective: str,
    constraints: Constraints,
    draws: int,
    start: int,
    end: int,
    progress: Callable[[float], None],
    cancelled: Callable[[], bool],
) -> PlanOutcome:
    """The plan, why the rest is left out, and the current projection."""
    from model.api import project
    from model.optimise import optimise
    from model.plan import Plan, plan_scenario
    from model.plan_reasons import why_not
    from model.scenario import Mode

    result = optimise(
        portfolio,
        year,
        objective,
        constraints,
        scenario=scenario,
        start=start,
        end=end,
        draws=draws,
        progress=lambda f: progress(0.9 * f),
        cancelled=cancelled,
    )
    left_out = why_not(portfolio, result, constraints, scenario=scenario, start=start, end=end)
    current = project(portfolio, scenario=scenario, mode=Mode.expected, start=start, end=end)
    bare = plan_scenario(portfolio, Plan(), scenario)
    none = project(portfolio, scenario=bare, mode=Mode.expected, start=start, end=end)
    progress(1.0)
    return PlanOutcome(result, left_out, current.magnets, current.years, constraints, none.magnets)


def serve(conn: Connection, fn: Callable[..., Any], kwargs: dict[str, Any]) -> None:
    """In the worker process: run `fn` and send ('progress', fraction)..., then ('done', result)
    or ('error', one line). Stopping is the parent's: it ends this process."""

    def progress(fraction: float) -> None:
        conn.send(("progress", fraction))

    try:
        result = fn(progress=progress, cancelled=lambda: False, **kwargs)
    except Exception as exc:  # one line for the user, never a traceback
        conn.send(("error", f"{type(exc).__name__}: {exc}"))
    else:
        conn.send(("done", result))
    conn.close()


def import_optimiser() -> None:
    """What a spare worker imports before its task arrives (all of `run_plan`'s imports)."""
    import model.api
    import model.optimise
    import model.plan_reasons
    import model.portfolio  # noqa: F401 (the task brings a portfolio to unpickle)


def wait_for_task(
    tasks: Connection, messages: Connection, warm: Callable[[], None] | None = None
) -> None:
    """In a worker started ahead: `warm()` (the heavy imports), ('ready', None), then run the
    one task that comes as (fn, kwargs) like `serve`. The parent gone or done (its end of
    `tasks` closed) before any task: the worker ends."""
    if warm is not None:
        warm()
    messages.send(("ready", None))
    try:
        fn, kwargs = tasks.recv()
    except (EOFError, OSError):
        messages.close()
        return
    serve(messages, fn, kwargs)


def echo(*, progress: Callable[[float], None], cancelled: Callable[[], bool], value: Any) -> Any:
    """A task that returns its value: proves a worker process starts (the bundle's self-test)."""
    progress(1.0)
    return value
