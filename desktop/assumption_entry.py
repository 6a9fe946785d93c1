"""One value box of Edit > Assumptions: a share shown and typed in percent ("30", "30%" and
"30 %" all mean 30 %), other numbers as declared. What is typed is kept as typed: the box's own
range is wide on purpose so Qt never clamps or reverts it, and `problem` names the field and its
declared range when the value is outside it (the dialog refuses OK with those words). Its arrows
stay inside the declared range."""

from __future__ import annotations

import math
import re
from types import SimpleNamespace

from PySide6.QtCore import Qt
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDoubleSpinBox

from desktop.number_format import MOST_PLACES, places_for

WIDE = 1e12  # the box accepts any number typed; the declared range is checked by `problem`
NUMBER = re.compile(r"[-+]?(\d+\.?\d*|\.\d+)")
PARTIAL = {"", "-", "+", ".", "-.", "+."}


class ValueBox(QDoubleSpinBox):
    def __init__(
        self,
        label: str,
        value: float,
        low: float,
        high: float,
        *,
        percent: bool = False,
        decimals: int = 3,
        whole: bool = False,
        low_open: bool = False,
    ):
        super().__init__()
        self.label, self.low, self.high = label, low, high
        self.whole, self.low_open = whole, low_open
        self.scale = 100.0 if percent else 1.0
        declared = SimpleNamespace(percent=percent, decimals=decimals)
        self.places = 0 if whole else places_for(declared, low if value is None else value)
        self.setDecimals(MOST_PLACES + 2)  # Qt rounds to this: keep what's typed
        self.setRange(-WIDE, WIDE)
        self.setSuffix(" %" if percent else "")
        step_fine = not percent and not whole and high - low <= 1
        self.setSingleStep(0.01 if step_fine else 1.0)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.stored = value
        self.setValue(value * self.scale)
        self.start_text = self.cleanText()

    # Shown with the declared places (more only when the value needs them to read true).
    def textFromValue(self, value: float) -> str:  # noqa: N802 (Qt's name)
        places = self.places
        while places < MOST_PLACES and not math.isclose(
            round(value, places), value, rel_tol=1e-9, abs_tol=1e-12
        ):
            places += 1
        return f"{value:,.{places}f}"

    def valueFromText(self, text: str) -> float:  # noqa: N802
        cleaned = _bare(text)
        return float(cleaned) if NUMBER.fullmatch(cleaned) else self.value()

    def validate(self, text: str, pos: int) -> object:
        cleaned = _bare(text)
        if NUMBER.fullmatch(cleaned):
            return QValidator.State.Acceptable, text, pos
        if cleaned in PARTIAL:
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Invalid, text, pos

    def stepBy(self, steps: int) -> None:  # noqa: N802
        low, high = self.low * self.scale, self.high * self.scale
        self.setValue(min(high, max(low, self.value() + steps * self.singleStep())))

    def stepEnabled(self) -> QDoubleSpinBox.StepEnabledFlag:  # noqa: N802
        flag = QDoubleSpinBox.StepEnabledFlag
        value = self.value() / self.scale
        up = flag.StepUpEnabled if value < self.high else flag.StepNone
        down = flag.StepDownEnabled if value > self.low else flag.StepNone
        return up | down

    def fraction(self) -> float:
        """The value to store: the stored one untouched when the text was not changed (a value
        finer than it shows is not rounded by opening the dialog and pressing OK)."""
        if self.cleanText() == self.start_text:
            return self.stored
        return self.value() / self.scale

    def shown(self, stored: float) -> str:
        return self.textFromValue(stored * self.scale) + self.suffix()

    def problem(self) -> str:
        """Why the typed value cannot be stored, naming the field and its range ('' if fine)."""
        value = self.fraction()
        allowed = f"(allowed: {self.shown(self.low)} to {self.shown(self.high)})"
        text = f"{self.label}: {self.shown(value)}"
        if self.low_open and value <= self.low:
            return f"{text} must be more than {self.shown(self.low)} {allowed}"
        if value < self.low:
            return f"{text} is less than the least allowed, {self.shown(self.low)} {allowed}"
        if value > self.high:
            return f"{text} is more than the most allowed, {self.shown(self.high)} {allowed}"
        if self.whole and value != int(value):
            return f"{text} is not a whole number"
        return ""


def _bare(text: str) -> str:
    """The number in what was typed: without the % sign, spaces and thousands separators."""
    return text.strip().removesuffix("%").strip().replace(",", "").replace("\u202f", "")
