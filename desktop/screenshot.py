"""`python -m desktop.screenshot OUT.png [WIDTHxHEIGHT] [TAB]`: the main window on the demo, with
a what-if under way, captured from the X screen (run under xvfb-run with a screen of that size;
`make screenshot`). TAB opens one of the left views by its title (e.g. "Deal ranking"; the
group it is in opens with it), a group by its name (e.g. "Risks"), "Plan" with the optimiser's
plan found, "Plan, not run" as it first opens, "Scenarios, N copies" with N copies of the
built-in scenarios added and every scenario ticked (a portfolio with many scenarios), or
"Evidence register": the register's figures whose sources differ."""

from __future__ import annotations

import os
import re
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QScrollArea

from desktop.app import application, build_window


def main(out: str, size: str = "1366x768", tab: str = "") -> int:
    width, height = (int(x) for x in size.split("x"))
    os.environ.setdefault("REPM_DATA_DIR", tempfile.mkdtemp(prefix="repm-shot-"))
    app = application()
    settings = QSettings(
        str(Path(os.environ["REPM_DATA_DIR"]) / "s.ini"), QSettings.Format.IniFormat
    )
    window = build_window(None, settings)
    window.resize(width, height)
    window.move(0, 0)
    window.show()
    view = window.view
    view.views["blocks"].select("mt-weld")
    view.what_if.offtake.spin.setValue(25)
    copies = re.fullmatch(r"Scenarios, (\d+) copies", tab)
    if copies:
        add_copies(window, int(copies[1]))
        tab = "Scenarios"
    if tab == "Plan, not run":
        tab = "Plan"
        run = False
    else:
        run = tab == "Plan"
    if tab == "Evidence register":
        from desktop.evidence_dock import EvidenceDock

        dock = window.findChild(EvidenceDock)
        dock.toggleViewAction().trigger()
        dock.register.conflicts.setChecked(True)
    elif tab and not view.tabs.show_title(tab):
        titles = ", ".join(view.tabs.tabText(i) for i in range(view.tabs.count()))
        print(f"screenshot: no view called '{tab}' (one of: {titles})", file=sys.stderr)
        return 2

    if run:
        window.plan_view.run()  # the Plan view shows a plan, as in the README
    waited = [0]

    def capture() -> None:
        planning = run and window.plan_view.current_plan() is None
        if planning and waited[0] < 120:  # the solver, on a busy machine: up to a minute more
            waited[0] += 1
            QTimer.singleShot(500, capture)
            return
        if run:  # the plan found, in view
            plan = window.plan_view
            plan.findChild(QScrollArea).ensureWidgetVisible(plan.chosen, 0, 40)
            app.processEvents()
        QGuiApplication.primaryScreen().grabWindow(0).copy(0, 0, width, height).save(out)
        window.close()
        app.quit()

    QTimer.singleShot(4000, capture)  # time for the Monte Carlo band and the analysis view
    return app.exec()


def add_copies(window, count: int) -> None:
    """`count` copies of the built-in scenarios in the portfolio, every scenario ticked."""
    from desktop import operations
    from model.scenarios import builtin_scenarios

    builtins = builtin_scenarios()
    for k in range(count):
        scenario = builtins[k % len(builtins)]
        name = f"{scenario.name} (copy {k // len(builtins) + 1})"
        operations.put_scenario(window.session, scenario.model_copy(update={"name": name}))
    comparison = window.view.comparison
    comparison.on_portfolio_changed()
    comparison.set_ticked(
        {
            comparison.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(comparison.list.count())
        }
    )


if __name__ == "__main__":
    sys.exit(main(*(sys.argv[1:] or ["screenshot.png"])))
