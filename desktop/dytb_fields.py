"""The scenario dialog's heavy rare earth settings (equation 8): the share of magnets that must be
high-temperature grade, how Dy/Tb gets into them, and Dy+Tb bought outside China. Each is kept
as a scenario override only where it differs from the portfolio's own assumption."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QFormLayout

from model.assumptions import SCALARS, Assumptions, DyTbProcess
from model.source_text import readable_source

KEYS = ("high_temp_share", "dytb_process", "dytb_market_tpa")
PROCESS_LABELS = {
    DyTbProcess.conventional: "Conventional alloying",
    DyTbProcess.grain_boundary_diffusion: "Grain-boundary diffusion",
}


class DyTbFields:
    """Three editors added to a form; `overrides` gives what the scenario must override."""

    def __init__(self, overrides: dict, base: Assumptions, form: QFormLayout):
        self.base = base
        current = base.with_overrides({k: v for k, v in overrides.items() if k in KEYS})
        share = SCALARS["high_temp_share"]
        self.share = QDoubleSpinBox(
            objectName="highTempShare",
            minimum=share.low * 100,
            maximum=share.high * 100,
            suffix=" %",
        )
        self.share.setDecimals(1)
        self.share.setValue(current.high_temp_share * 100)
        self.share.setToolTip(
            f"{share.label}: 0 switches the Dy/Tb limit off. {readable_source(share.source)}"
        )
        self.process = QComboBox(objectName="dytbProcess")
        for process, label in PROCESS_LABELS.items():
            self.process.addItem(label, process.value)
        self.process.setCurrentIndex(self.process.findData(current.dytb_process.value))
        market = SCALARS["dytb_market_tpa"]
        self.market = QDoubleSpinBox(
            objectName="dytbMarket", minimum=market.low, maximum=market.high, suffix=" t/yr"
        )
        self.market.setDecimals(1)
        self.market.setValue(current.dytb_market_tpa)
        self.market.setToolTip(f"{market.unit}. {readable_source(market.source)}")
        form.addRow("High-temperature grades", self.share)
        form.addRow("Dy/Tb process", self.process)
        form.addRow("Dy+Tb bought outside China", self.market)

    def overrides(self) -> dict:
        """name -> value for the settings that differ from the portfolio's assumptions."""
        chosen = {
            "high_temp_share": round(self.share.value() / 100, 6),
            "dytb_process": self.process.currentData(),
            "dytb_market_tpa": self.market.value(),
        }
        base = self.base.model_dump(mode="json")
        return {k: v for k, v in chosen.items() if v != base[k]}
