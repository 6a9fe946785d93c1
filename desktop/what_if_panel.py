"""Sliders for the selected block while negotiating: the charts follow every step, the pre-what-if
line stays ghosted, and the change at the target year is spelled out. Apply writes it as one
undoable edit; Reset discards it."""

from __future__ import annotations

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
from desktop.session import PortfolioSession
from model.projection import Projection, compute
from model.store import InvalidEdit
from model.what_if import WhatIf, live_deals, store_edits, what_if_inputs

OFFTAKE_STEPS = 1000  # slider resolution for a share in 0..1


class Control:
    """A slider and a spin box showing one value, kept in step without echo."""

    def __init__(self, spin: QSpinBox | QDoubleSpinBox, scale: float, on_change):
        self.spin, self.scale = spin, scale
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.valueChanged.connect(self._from_slider)
        spin.valueChanged.connect(self._from_spin)
        self._on_change = on_change

    def set_range(self, low: float, high: float) -> None:
        # Narrowing a range may clamp the value: that is not a user's change, so stay quiet.
        for widget in (self.spin, self.slider):
            widget.blockSignals(True)
        self.spin.setRange(low, high)
        self.slider.setRange(round(low * self.scale), round(high * self.scale))
        for widget in (self.spin, self.slider):
            widget.blockSignals(False)

    def set_value(self, value: float) -> None:
        for widget in (self.spin, self.slider):
            widget.blockSignals(True)
        self.spin.setValue(value)
        self.slider.setValue(round(value * self.scale))
        for widget in (self.spin, self.slider):
            widget.blockSignals(False)

    def value(self) -> float:
        return self.spin.value()

    def setEnabled(self, enabled: bool) -> None:  # noqa: N802 (Qt-style, used like a widget)
        self.spin.setEnabled(enabled)
        self.slider.setEnabled(enabled)

    def _from_slider(self, position: int) -> None:
        self.spin.blockSignals(True)
        self.spin.setValue(position / self.scale)
        self.spin.blockSignals(False)
        self._on_change()

    def _from_spin(self, value: float) -> None:
        self.slider.blockSignals(True)
        self.slider.setValue(round(value * self.scale))
        self.slider.blockSignals(False)
        self._on_change()


class WhatIfPanel(QGroupBox):
    previewChanged = Signal(object)  # Projection with the what-if, or None when there is none
    message = Signal(str)

    def __init__(self, session: PortfolioSession, parent: QWidget | None = None):
        super().__init__("What-if while negotiating", parent)
        self.setObjectName("whatIfPanel")
        self.session = session
        self.block_id = ""
        self._base: dict[str, float] = {}

        self.title = QLabel("Select a block (or one of its deals) to try changes.")
        self.title.setWordWrap(True)
        offtake = QDoubleSpinBox(decimals=3, singleStep=0.01)
        self.offtake = Control(offtake, OFFTAKE_STEPS, self._changed)
        self.offtake.set_range(0, 1)
        self.first_year = Control(QSpinBox(), 1, self._changed)
        self.first_year.set_range(2020, 2050)
        nameplate = QDoubleSpinBox(decimals=0, singleStep=100, suffix=" t/yr")
        self.nameplate = Control(nameplate, 1, self._changed)
        self.delay = Control(QSpinBox(suffix=" yr"), 1, self._changed)
        self.delay.set_range(0, 10)
        grid = QGridLayout()
        rows = [
            ("India's offtake share", self.offtake),
            ("First year", self.first_year),
            ("Nameplate", self.nameplate),
            ("Delay", self.delay),
        ]
        for row, (label, control) in enumerate(rows):
            grid.addWidget(QLabel(label), row, 0)
            grid.addWidget(control.slider, row, 1)
            grid.addWidget(control.spin, row, 2)
        grid.setColumnStretch(1, 1)

        self.delta = QLabel(" ")
        self.delta.setObjectName("whatIfDelta")
        font = self.delta.font()
        font.setPointSize(font.pointSize() + 2)
        font.setBold(True)
        self.delta.setFont(font)
        self.apply_button = QPushButton("Apply")
        self.reset_button = QPushButton("Reset")
        self.apply_button.clicked.connect(self.apply)
        self.reset_button.clicked.connect(self.reset)
        buttons = QHBoxLayout()
        buttons.addWidget(self.delta, 1)
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.apply_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(grid)
        layout.addLayout(buttons)
        self.preview: Projection | None = None
        self._set_enabled(False)
        session.projectionChanged.connect(self._on_projection_changed)

    # --- which block -----------------------------------------------------------------------

    def set_block(self, block_id: str) -> None:
        """Show the block's current values; any unapplied what-if is discarded."""
        self.block_id = block_id if block_id in self.session.inputs.block_ids else ""
        self.reset()

    def set_deal(self, deal_id: str) -> None:
        deal = next((d for d in self.session.portfolio.deals if d.id == deal_id), None)
        self.set_block(deal.block_id if deal else "")

    def reset(self) -> None:
        if not self.block_id:
            self.title.setText("Select a block (or one of its deals) to try changes.")
            self._set_enabled(False)
            self._publish(None)
            return
        portfolio = self.session.portfolio
        block = portfolio.block(self.block_id)
        deals = live_deals(portfolio, block.id)
        offtake = sum(portfolio.deals[i].offtake_share for i in deals)
        first = block.first_year if block.first_year is not None else self.session.start
        plate = block.nameplate_tpa or 0.0
        self._base = {"offtake": offtake, "first": first, "plate": plate, "delay": 0}
        self.nameplate.set_range(0, max(2 * plate, 1000.0))
        self.offtake.set_value(offtake)
        self.first_year.set_value(first)
        self.nameplate.set_value(plate)
        self.delay.set_value(0)
        self._set_enabled(True)
        self.offtake.setEnabled(bool(deals))
        unit = "t NdPr oxide/yr" if block.product.value == "ndpr_oxide" else "t TREO/yr"
        notes = [f"<b>{block.name}</b> ({block.country}, {block.stage.value}; nameplate in {unit})"]
        if not deals:
            notes.append("No live deal on this block: add one in Deals to try an offtake.")
        if block.first_year is None:
            notes.append("First year unknown: moving it sets one.")
        self.title.setText("<br>".join(notes))
        self._publish(None)

    # --- live preview ----------------------------------------------------------------------

    def what_if(self) -> WhatIf | None:
        if not self.block_id:
            return None
        b = self._base
        changed = lambda value, key: value if abs(value - b[key]) > 1e-12 else None  # noqa: E731
        what_if = WhatIf(
            self.block_id,
            offtake_total=changed(self.offtake.value(), "offtake"),
            first_year=changed(int(self.first_year.value()), "first"),
            nameplate_tpa=changed(self.nameplate.value(), "plate"),
            delay_years=int(self.delay.value()),
        )
        return None if what_if.is_empty() else what_if

    def _changed(self) -> None:
        what_if = self.what_if()
        if what_if is None:
            self._publish(None)
            return
        s = self.session
        inputs = what_if_inputs(s.inputs, s.portfolio, s.scenario(), what_if)
        self._publish(compute(inputs))

    def _publish(self, preview: Projection | None) -> None:
        self.preview = preview
        self.apply_button.setEnabled(preview is not None)
        self.reset_button.setEnabled(preview is not None)
        self.delta.setText(self.delta_text())
        self.previewChanged.emit(preview)

    def delta_text(self) -> str:
        if self.preview is None:
            return " "
        year = self.session.target_year
        i = self.preview.year_index(year)
        delta = self.preview.magnets[i] - self.session.projection.magnets[i]
        return f"{delta:+,.0f} t/yr magnets in {year}"

    def _on_projection_changed(self) -> None:
        # Settings or data changed under the what-if: recompute it on the new base.
        if self.block_id and self.block_id not in self.session.inputs.block_ids:
            self.set_block("")
        elif self.preview is not None:
            self._changed()
        else:
            self.delta.setText(self.delta_text())

    # --- apply -----------------------------------------------------------------------------

    def apply(self) -> None:
        what_if = self.what_if()
        if what_if is None:
            return
        block_fields, deal_fields = store_edits(self.session.portfolio, what_if)
        try:
            operations.apply_what_if(self.session, self.block_id, block_fields, deal_fields)
        except InvalidEdit as exc:
            self.message.emit(f"What-if not applied: {exc}")
            return
        self.message.emit(f"Applied: {self.delta.text()}")
        self.reset()

    def _set_enabled(self, enabled: bool) -> None:
        for control in (self.offtake, self.first_year, self.nameplate, self.delay):
            control.setEnabled(enabled)
        self.apply_button.setEnabled(False)
        self.reset_button.setEnabled(False)
