"""Edit a scenario's name, description, mode, global delay and country disruptions."""

from __future__ import annotations

from pydantic import ValidationError
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from desktop.dytb_fields import KEYS as DYTB_KEYS
from desktop.dytb_fields import DyTbFields
from model import rules
from model.assumptions import Assumptions
from model.fields import bounds
from model.interchange import describe_validation_error
from model.portfolio import Portfolio
from model.scenario import Mode, Scenario

DISRUPTION_HELP = "Countries cut, e.g. 'CHN 2026; MMR 2028' (ISO code and first year)"


def parse_disruptions(text: str) -> list[dict]:
    """'CHN 2026; AUS 2030' -> [{'country': 'CHN', 'from_year': 2026}, ...]; ValueError names the
    part it cannot read."""
    items = []
    for part in (p.strip() for p in text.replace(",", ";").split(";")):
        if not part:
            continue
        bits = part.split()
        if len(bits) != 2 or not bits[1].isdigit():
            raise ValueError(f"disruptions: '{part}' is not 'ISO YEAR' (e.g. 'CHN 2026')")
        items.append({"country": bits[0].upper(), "from_year": int(bits[1])})
    return items


class ScenarioDialog(QDialog):
    def __init__(
        self,
        scenario: Scenario,
        parent: QWidget | None = None,
        assumptions: Assumptions | None = None,
        portfolio: Portfolio | None = None,
        replacing: str | None = None,
    ):
        """`assumptions`: the portfolio's, which the heavy rare earth settings start from.
        `portfolio`: the one the scenario is saved to (`replacing` the scenario of that name):
        the portfolio's rules are asked before the dialog closes, so a refusal keeps the edits."""
        super().__init__(parent)
        self.portfolio, self.replacing = portfolio, replacing
        self.setObjectName("scenarioDialog")
        self.setWindowTitle(f"Scenario: {scenario.name}")
        self.original = scenario
        self.result_scenario: Scenario | None = None
        self.name = QLineEdit(scenario.name)
        self.description = QLineEdit(scenario.description)
        self.mode = QComboBox()
        self.mode.addItems([m.value for m in Mode])
        self.mode.setCurrentText(scenario.mode.value)
        low, high = bounds(Scenario.model_fields["delay_years"])
        self.delay = QSpinBox(minimum=int(low), maximum=int(high), suffix=" yr")
        self.delay.setValue(scenario.delay_years)
        self.disruptions = QLineEdit(
            "; ".join(f"{d.country} {d.from_year}" for d in scenario.disruptions)
        )
        self.disruptions.setPlaceholderText(DISRUPTION_HELP)
        self.error = QLabel(objectName="scenarioError")
        self.error.setStyleSheet("color: #B00020")
        self.error.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow("Name", self.name)
        form.addRow("Description", self.description)
        form.addRow("Mode", self.mode)
        form.addRow("Every block starts later by", self.delay)
        form.addRow("Countries cut", self.disruptions)
        self.dytb = DyTbFields(scenario.assumption_overrides, assumptions or Assumptions(), form)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def try_accept(self) -> None:
        """Validate everything; on a problem say which and stay open."""
        try:
            data = self.original.model_dump()
            data.update(
                name=self.name.text().strip(),
                description=self.description.text().strip(),
                mode=self.mode.currentText(),
                delay_years=self.delay.value(),
                disruptions=parse_disruptions(self.disruptions.text()),
            )
            kept = {k: v for k, v in data["assumption_overrides"].items() if k not in DYTB_KEYS}
            data["assumption_overrides"] = {**kept, **self.dytb.overrides()}
            scenario = Scenario.model_validate(data)
        except ValidationError as exc:
            self.error.setText("; ".join(describe_validation_error(exc)))
            return
        except ValueError as exc:
            self.error.setText(str(exc))
            return
        if self.portfolio is not None:  # the rules the store runs, asked before closing
            facts = rules.MemoryFacts(self.portfolio)
            problems = rules.scenario_problems(scenario, facts, replacing=self.replacing)
            if problems:
                self.error.setText("; ".join(problems))
                return
        self.result_scenario = scenario
        self.accept()
