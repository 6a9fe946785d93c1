"""The Plan tab starts its worker process ahead: not with the window, but once the tab is shown;
Run then goes to that worker, and closing the window leaves no worker process alive."""

from PySide6.QtCore import Qt

from tests.desktop.worker_processes import ended, workers


def test_the_plan_tab_has_a_worker_ready_and_closing_ends_every_worker(window, qtbot):
    view = window.plan_view
    qtbot.wait(500)
    assert view.runner.spare is None  # the window alone starts no worker
    assert window.view.tabs.show_title("Plan")
    qtbot.waitUntil(view.runner.spare_ready, timeout=120_000)
    ahead = view.runner.spare.process
    with qtbot.waitSignal(view.runner.finished, timeout=120_000):
        qtbot.mouseClick(view.run_button, Qt.MouseButton.LeftButton)
    assert view.runner.process is ahead and view.outcome.result.status == "optimal"
    assert view.run_button.isEnabled()
    qtbot.waitUntil(view.runner.spare_ready, timeout=120_000)  # the next one, for the next Run
    alive = [ahead, view.runner.spare.process]
    window.close()
    assert all(ended(p) for p in alive)
    assert workers() == []


def test_cancel_on_the_tab_then_run_again_gives_a_plan(window, qtbot):
    view = window.plan_view
    window.view.tabs.show_title("Plan")
    qtbot.waitUntil(view.runner.spare_ready, timeout=120_000)
    view.objective.setCurrentIndex(view.objective.findData("max-probability"))
    view.draws.setValue(5000)
    qtbot.mouseClick(view.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.runner.process is not None, timeout=30_000)
    running = view.runner.process
    qtbot.mouseClick(view.cancel_button, Qt.MouseButton.LeftButton)
    assert ended(running) and view.status.text() == "Cancelled: no plan."
    qtbot.waitUntil(view.runner.spare_ready, timeout=120_000)
    view.objective.setCurrentIndex(view.objective.findData("max-expected"))
    with qtbot.waitSignal(view.runner.finished, timeout=120_000):
        qtbot.mouseClick(view.run_button, Qt.MouseButton.LeftButton)
    assert view.outcome.result.status == "optimal" and view.outcome.result.year == view.year.value()
    window.close()
    assert workers() == []
