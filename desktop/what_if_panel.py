"""Sliders for the selected block while negotiating: the charts follow every step, the pre-what-if
line stays ghosted, and the change at the target year is spelled out. Apply writes it as one
undoable edit; Reset discards it."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop import operations
from desktop.bound_mark import SliderMark, block_bound
from desktop.columns import COLUMNS
from desktop.labels import STAGE_WORDS
from desktop.one_line_label import OneLineLabel
from desktop.session import PortfolioSession, moves_numbers
from model.blas import one_thread
from model.countries import country_name
from model.fields import bounds
from model.projection import Projection, compute
from model.scenario import BlockOverride
from model.store import InvalidEdit
from model.what_if import WhatIf, live_deals, store_edits, what_if_inputs
from model.what_if_change import Change, Closed, change_in, closed_inputs, closed_projections

_BLOCK_COLUMNS = {c.field: c for c in COLUMNS["blocks"]}
NO_BLOCK = "Select a block (or one of its deals) to try changes."
SLIDER_MIN_WIDTH = 180  # narrower and a slider step is too coarse to hit a value
TIPS = {
    "offtake": "India's total share of the block's output, over all its live deals (0-100 %)",
    "first": "First year of production; the slider spans the horizon and the current value",
    "plate": f"Nameplate capacity of the block ({_BLOCK_COLUMNS['nameplate_tpa'].tip})",
    "delay": "Years of delay on top of the first year (Apply moves the first year)",
}
PERCENT_STEPS = 10  # slider steps per percentage point of India's offtake
FIELD_RANGES = {  # as the block declaration says (model/domain.py)
    name: (_BLOCK_COLUMNS[name].low, _BLOCK_COLUMNS[name].high)
    for name in ("first_year", "nameplate_tpa")
}
OFFTAKE_RANGE = bounds(BlockOverride.model_fields["offtake_share"])  # India's total share
MISSING = "—"  # what a spin box shows for a figure the record does not have
CLOSED_TIP = (
    "The second figure is the same change if the block's deals close (their chance of "
    "closing 1, the project's own risk kept): what the concession costs once signed"
)
DELAY_NEEDS = "A delay moves the first year: the block needs one first"


class Control:
    """A slider and a spin box showing one value, kept in step without echo. `factor` converts
    the stored value to what is shown (100 for a share shown in %); `scale` is slider steps per
    shown unit. Only a move by the user reports a change (`on_change(key)`)."""

    def __init__(
        self, key: str, spin: QSpinBox | QDoubleSpinBox, scale: float, on_change, factor=1.0
    ):
        self.key, self.spin, self.scale, self.factor = key, spin, scale, factor
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setMinimumWidth(SLIDER_MIN_WIDTH)
        self.slider.valueChanged.connect(self._from_slider)
        spin.valueChanged.connect(self._from_spin)
        self._on_change = on_change
        self.tip = ""

    def set_tip(self, tip: str) -> None:
        for widget in (self.spin, self.slider):
            widget.setToolTip(tip)

    def show_missing(self, note: str) -> None:
        """The record lacks this figure: the spin box says so, nothing can be moved."""
        self._quiet(True)
        self.spin.setSpecialValueText(MISSING)
        self.spin.setValue(self.spin.minimum())
        self.slider.setValue(self.slider.minimum())
        self._quiet(False)
        self.setEnabled(False)
        self.set_tip(note)

    def show_known(self) -> None:
        self.spin.setSpecialValueText("")
        self.setEnabled(True)
        self.set_tip(self.tip)

    def _quiet(self, quiet: bool) -> None:
        for widget in (self.spin, self.slider):
            widget.blockSignals(quiet)

    def set_range(self, low: float, high: float) -> None:
        """Range in stored units; the caller makes sure it holds the current value."""
        self._quiet(True)
        low, high = low * self.factor, high * self.factor
        self.spin.setRange(low, high)
        self.slider.setRange(round(low * self.scale), round(high * self.scale))
        self._quiet(False)

    def set_value(self, value: float) -> None:
        self._quiet(True)
        self.spin.setValue(value * self.factor)
        self.slider.setValue(round(value * self.factor * self.scale))
        self._quiet(False)

    def value(self) -> float:
        return self.spin.value() / self.factor

    def setEnabled(self, enabled: bool) -> None:  # noqa: N802 (Qt-style, used like a widget)
        self.spin.setEnabled(enabled)
        self.slider.setEnabled(enabled)

    def _from_slider(self, position: int) -> None:
        self.spin.blockSignals(True)
        self.spin.setValue(position / self.scale)
        self.spin.blockSignals(False)
        self._on_change(self.key)

    def _from_spin(self, value: float) -> None:
        self.slider.blockSignals(True)
        self.slider.setValue(round(value * self.scale))
        self.slider.blockSignals(False)
        self._on_change(self.key)


class WhatIfPanel(QGroupBox):
    previewChanged = Signal(object)  # Projection with the what-if, or None when there is none
    message = Signal(str)

    def __init__(self, session: PortfolioSession, parent: QWidget | None = None):
        super().__init__("What-if while negotiating", parent)
        self.setObjectName("whatIfPanel")
        self.session = session
        self.block_id = ""
        self._base: dict[str, float] = {}
        self.touched: set[str] = set()  # what the user moved since the last Apply or Reset

        self.title = QLabel(NO_BLOCK, objectName="whatIfTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # A fixed height, so a longer note never moves the sliders mid-drag (more lines scroll
        # into the tooltip).
        self.title.setFixedHeight(2 * self.title.fontMetrics().lineSpacing() + 4)
        offtake = QDoubleSpinBox(decimals=1, singleStep=1, suffix=" %")
        self.offtake = Control("offtake", offtake, PERCENT_STEPS, self._changed, factor=100)
        self.offtake.set_range(*OFFTAKE_RANGE)
        self.first_year = Control("first", QSpinBox(), 1, self._changed)
        nameplate = QDoubleSpinBox(
            decimals=0, singleStep=100, suffix=_BLOCK_COLUMNS["nameplate_tpa"].unit
        )
        nameplate.setGroupSeparatorShown(True)
        self.nameplate = Control("plate", nameplate, 1, self._changed)
        self.delay = Control("delay", QSpinBox(suffix=" yr"), 1, self._changed)
        self.delay.set_range(0, 10)
        grid = QGridLayout()
        rows = [
            ("India's offtake", self.offtake, TIPS["offtake"]),
            ("First year", self.first_year, TIPS["first"]),
            ("Nameplate", self.nameplate, TIPS["plate"]),
            ("Delay", self.delay, TIPS["delay"]),
        ]
        for row, (label, control, tip) in enumerate(rows):
            text = QLabel(label)
            text.setToolTip(tip)
            control.tip = tip
            control.set_tip(tip)
            grid.addWidget(text, row, 0)
            grid.addWidget(control.slider, row, 1)
            grid.addWidget(control.spin, row, 2)
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(1)  # room for the bound's line and the figures at 1280x650

        # The negotiation bound (model/bounds.py): a mark on the offtake slider and one line.
        self.bound_mark = SliderMark(self.offtake.slider)
        self.bound_text = QLabel(objectName="whatIfBound", wordWrap=True)
        self.bound_text.setToolTip(
            "The least offtake at which the target year's expected magnets reach the target, "
            "the deal closed and everything else as it is"
        )

        self.delta = QLabel(" ")
        self.delta.setObjectName("whatIfDelta")
        self.delta.setToolTip(
            "Magnets produced in the target year before and with the what-if, and the change, "
            "in the mode the chart uses"
        )
        font = self.delta.font()
        font.setBold(True)  # not larger: with the line below it, as high as the buttons
        self.delta.setFont(font)
        self.delta.setFixedHeight(self.delta.fontMetrics().lineSpacing())
        self.apply_button = QPushButton("Apply")
        self.apply_button.setToolTip(
            "Write the values you moved into the portfolio (one undo step)"
        )
        self.reset_button = QPushButton("Reset")
        self.reset_button.setToolTip("Discard the what-if: back to the values in the portfolio")
        self.apply_button.clicked.connect(self.apply)
        self.reset_button.clicked.connect(self.reset)
        # The same change with the block's deals closed: the expected mode counts a candidate
        # deal at 10 %, which understates what a concession costs once it is signed. One line
        # beside the buttons (the chart keeps its height), cut at its end if narrow.
        self.closed = OneLineLabel(objectName="whatIfClosed")
        self.closed.setFixedHeight(self.closed.fontMetrics().lineSpacing())
        figures = QVBoxLayout()
        figures.setSpacing(0)
        figures.addWidget(self.delta)
        figures.addWidget(self.closed)
        buttons = QHBoxLayout()
        buttons.addLayout(figures, 1)
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.apply_button)
        self.closed_preview: Closed | None = None
        self._closed_base: tuple = ()  # (inputs, block id, projection with its deals closed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(1)
        layout.addWidget(self.title)
        layout.addLayout(grid)
        layout.addWidget(self.bound_text)
        layout.addLayout(buttons)
        self.preview: Projection | None = None
        self._set_enabled(False)
        session.projectionChanged.connect(self._on_projection_changed)
        session.portfolioChanged.connect(self._on_portfolio_changed)
        session.viewSettingsChanged.connect(self._show_change)
        session.viewSettingsChanged.connect(self._show_bound)

    # --- which block -----------------------------------------------------------------------

    def set_block(self, block_id: str) -> None:
        """Show the block's current values; any unapplied what-if is discarded."""
        self.block_id = block_id if block_id in self.session.inputs.block_ids else ""
        self.reset()

    def set_deal(self, deal_id: str) -> None:
        deal = next((d for d in self.session.portfolio.deals if d.id == deal_id), None)
        self.set_block(deal.block_id if deal else "")

    def reset(self) -> None:
        """Forget what the user moved and show the record as it is now."""
        self.touched.clear()
        self._show_record()
        self._publish(None)

    def _show_record(self) -> None:
        """Put the record's current values into every control the user has not moved."""
        self._show_bound()
        if not self.block_id:
            self.title.setText(NO_BLOCK)
            self._set_enabled(False)
            return
        s = self.session
        portfolio = s.portfolio
        block = portfolio.block(self.block_id)
        deals = live_deals(portfolio, block.id)
        offtake = sum(portfolio.deals[i].offtake_share for i in deals)
        # A missing figure gets a placeholder that is never shown nor applied: its controls
        # say it is missing and cannot be moved.
        first = block.first_year if block.first_year is not None else s.start
        plate = block.nameplate_tpa if block.nameplate_tpa is not None else 0.0
        missing = {
            "first": block.first_year is None,
            "delay": block.first_year is None,
            "plate": block.nameplate_tpa is None,
        }
        self.touched -= {key for key, gone in missing.items() if gone}
        self._base = {"offtake": offtake, "first": first, "plate": plate, "delay": 0}
        low, high = FIELD_RANGES["first_year"]
        shown_first = self.first_year.value() if "first" in self.touched else first
        self.first_year.set_range(
            max(low, min(s.start, first, shown_first)), min(high, max(s.end, first, shown_first))
        )
        shown_plate = self.nameplate.value() if "plate" in self.touched else plate
        self.nameplate.set_range(
            0, min(FIELD_RANGES["nameplate_tpa"][1], max(2 * plate, 2 * shown_plate, 1000.0))
        )
        self._set_enabled(True)
        for control in (self.offtake, self.first_year, self.nameplate, self.delay):
            if control.key not in self.touched:
                control.set_value(self._base[control.key])
            if missing.get(control.key):
                control.show_missing(self._missing_note(block, control.key))
            else:
                control.show_known()
        self.offtake.setEnabled(bool(deals))
        notes = self._notes(block, deals)
        self.title.setText("<br>".join(notes[:2]))
        self.title.setToolTip("<br>".join(notes))
        self.apply_button.setEnabled(self.preview is not None)
        self.reset_button.setEnabled(bool(self.touched))

    def _notes(self, block, deals: list[int]) -> list[str]:
        esc = html.escape
        unit = "t NdPr oxide/yr" if block.product.value == "ndpr_oxide" else "t TREO/yr"
        stage = STAGE_WORDS.get(block.stage.value, block.stage.value)
        notes = [
            f"<b>{esc(block.name)}</b> ({esc(country_name(block.country))}, {esc(stage)}; "
            f"nameplate in {unit})"
        ]
        scenario = self.session.scenario()
        if scenario and (
            block.id in scenario.block_overrides or scenario.block_delays.get(block.id)
        ):  # first: the chart and the controls differ, which surprises most
            notes.append(
                f"Scenario '{esc(scenario.name)}' changes this block (chart: the scenario; "
                "Apply: the portfolio)."
            )
        lacks = [
            name
            for name, value in (
                ("first year", block.first_year),
                ("nameplate", block.nameplate_tpa),
            )
            if value is None
        ]
        if lacks:
            producing = "Producing already; no" if block.stage.value == "producing" else "No"
            them = "it" if len(lacks) == 1 else "them"
            notes.append(
                f"{producing} {' or '.join(lacks)}: enter {them} in the Blocks table to try "
                "changes."
            )
        if not deals:
            notes.append("No live deal on this block: add one in Deals to try an offtake.")
        return notes

    @staticmethod
    def _missing_note(block, key: str) -> str:
        if key == "delay":
            return f"{DELAY_NEEDS}: enter a first year in the Blocks table to try a delay"
        name = "first year" if key == "first" else "nameplate"
        return f"No {name} for {block.name}: enter one in the Blocks table to try changes"

    def _show_bound(self) -> None:
        """The least offtake that reaches the target in the target year, for the block's main
        live deal: a mark on the slider and a line of text."""
        s = self.session
        found = None
        if self.block_id:
            found = block_bound(
                s.portfolio, self.block_id, s.target_year, s.scenario(), s.start, s.end
            )
        if found is None:
            self.bound_text.setText("")
            self.bound_mark.set_value(None)
            return
        bounds, total = found
        self.bound_text.setText(bounds.sentence())
        steps = None if total is None else round(total * 100 * PERCENT_STEPS)
        self.bound_mark.set_value(steps)

    # --- live preview ----------------------------------------------------------------------

    def what_if(self) -> WhatIf | None:
        """Only what the user moved, and only where it differs from the record."""
        if not self.block_id:
            return None
        b = self._base

        def moved(key: str, value: float):
            return value if key in self.touched and abs(value - b[key]) > 1e-9 else None

        what_if = WhatIf(
            self.block_id,
            offtake_total=moved("offtake", self.offtake.value()),
            first_year=moved("first", int(self.first_year.value())),
            nameplate_tpa=moved("plate", self.nameplate.value()),
            delay_years=int(self.delay.value()) if "delay" in self.touched else 0,
        )
        return None if what_if.is_empty() else what_if

    def _changed(self, key: str | None = None) -> None:
        if key is not None:
            self.touched.add(key)
        what_if = self.what_if()
        if what_if is None:
            self._publish(None)
            return
        s = self.session
        inputs = what_if_inputs(s.inputs, s.portfolio, s.scenario(), what_if)
        with one_thread():
            preview = compute(inputs)
            closed = closed_projections(
                s.inputs, s.portfolio, s.scenario(), what_if, self._closed_before()
            )
        self._publish(preview, closed)

    def _closed_before(self) -> Projection | None:
        """The projection with the block's deals closed and no what-if: the same for every
        step of a drag, so computed once per block and base."""
        s = self.session
        cached = self._closed_base
        if cached and cached[0] is s.inputs and cached[1] == self.block_id:
            return cached[2]
        closed = closed_inputs(s.inputs, s.portfolio, self.block_id)
        if closed is None:
            return None
        with one_thread():
            projection = compute(closed[0])
        self._closed_base = (s.inputs, self.block_id, projection)
        return projection

    def _publish(self, preview: Projection | None, closed: Closed | None = None) -> None:
        self.preview, self.closed_preview = preview, closed
        self.apply_button.setEnabled(preview is not None)
        self.reset_button.setEnabled(bool(self.touched))
        self._show_change()
        self.previewChanged.emit(preview)

    def change(self) -> Change | None:
        """The pending what-if's figures in the target year (None: nothing pending)."""
        if self.preview is None:
            return None
        s = self.session
        return change_in(
            s.target_year, s.inputs.mode, s.projection, self.preview, self.closed_preview
        )

    def _show_change(self) -> None:
        """While a what-if is pending: the total before and with it, and the change if the
        block's deals close."""
        change = self.change()
        self.delta.setText(" " if change is None else change.total_line())
        line = "" if change is None else change.closed_line()
        self.closed.set_line(line)
        self.closed.setToolTip(line and f"{line}. {CLOSED_TIP}")

    def _on_portfolio_changed(self, changes: list) -> None:
        if not any(moves_numbers(c) for c in changes):  # else projectionChanged follows
            self._on_projection_changed()  # a name or note: show the record as it is

    def _on_projection_changed(self) -> None:
        # An edit, undo, redo, import or a settings change: show the record as it is now, and
        # recompute any what-if on the new base.
        if self.block_id and self.block_id not in self.session.inputs.block_ids:
            self.set_block("")
            return
        self._show_record()
        if self.touched:
            self._changed()
        else:
            self._show_change()

    # --- apply -----------------------------------------------------------------------------

    def apply(self) -> None:
        what_if = self.what_if()
        if what_if is None:
            return
        s = self.session
        year = s.target_year
        before = float(s.projection.magnets[s.projection.year_index(year)])
        pending = self.change()  # its figure if the deals close: Apply does not close them
        block_fields, deal_fields = store_edits(s.portfolio, what_if)
        touched, self.touched = self.touched, set()  # the record will hold these values now
        try:
            operations.apply_what_if(s, self.block_id, block_fields, deal_fields)
        except InvalidEdit as exc:
            self.touched = touched
            self.message.emit(f"What-if not applied: {exc}")
            return
        after = float(s.projection.magnets[s.projection.year_index(year)])
        closed = ""
        if pending is not None and pending.closed_delta_t is not None:
            closed = f". {pending.closed_line()}"
        self.message.emit(
            f"Applied: {after - before:+,.0f} t/yr magnets in {year} "
            f"({before:,.0f} t -> {after:,.0f} t, {s.inputs.mode}){closed}"
        )
        self.reset()

    def _set_enabled(self, enabled: bool) -> None:
        for control in (self.offtake, self.first_year, self.nameplate, self.delay):
            control.setEnabled(enabled)
        self.apply_button.setEnabled(False)
        self.reset_button.setEnabled(False)
