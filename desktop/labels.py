"""Plain words for what the model calls by code: stages, statuses, products, firm kinds.

Everything a person reads (tables, panels, tooltips, the briefing) goes through here, so the
words are the same everywhere."""

from __future__ import annotations

from model import number_text
from model.assumptions import TABLES
from model.band_words import FIGURE_MEANINGS, MODE_FREE
from model.domain import PLANT_CAPACITY_UNITS
from model.field_words import qualified
from model.source_text import readable_source

WORDS: dict[str, str] = {
    # block stages
    "exploration": "exploration",
    "prefeasibility": "pre-feasibility study",
    "feasibility": "feasibility study",
    "construction": "under construction",
    "producing": "producing",
    # products
    "concentrate": "mineral concentrate",
    "mixed": "mixed rare-earth carbonate",
    "separated": "separated oxides",
    "ndpr_oxide": "NdPr oxide",
    # firm kinds
    "psu": "public sector (PSU)",
    "private": "private",
    "foreign": "foreign",
    # deal statuses
    "candidate": "candidate",
    "negotiating": "negotiating",
    "mou": "MoU signed",
    "signed": "signed",
    "acquired": "acquired",
    "rejected": "rejected",
    # plant statuses
    "operating": "operating",
    "committed": "committed",
    "planned": "planned",
    "option": "option (not decided)",
}
STAGE_WORDS = {
    k: WORDS[k]
    for k in ("exploration", "prefeasibility", "feasibility", "construction", "producing")
}

# Which statuses count in each projection mode (said wherever "committed" shows 0).
MODE_RULES = {
    "expected": "every deal and plant, weighted by its chance of happening",
    "committed": "only signed or acquired deals, and plants operating, under construction or "
    "committed",
    "all": "every deal and plant that is not rejected, as if all succeed",
}


def mode_tooltip() -> str:
    """The mode selector's tooltip: what each mode counts and what its figure is."""
    lines = [
        f"{mode}: {rule}. Its figure: {FIGURE_MEANINGS[mode]}." for mode, rule in MODE_RULES.items()
    ]
    return "What counts.\n" + "\n".join(lines) + "\n" + MODE_FREE


def word(value: object) -> str:
    """The plain word for an enum value (or its text)."""
    text = getattr(value, "value", value)
    return WORDS.get(str(text), str(text))


def percent(share: float | None, decimals: int = 1) -> str:
    """A share as a percentage with `decimals` places ('30.0 %'), the tables' rule."""
    return "—" if share is None else number_text.percent(share, decimals + 2)


PLANT_STAGE_WORDS = {"separation": "separation", "metal": "metal making", "magnet": "magnet making"}
PLANT_UNITS = {stage.value: unit for stage, unit in PLANT_CAPACITY_UNITS.items()}  # declared once
ASSUMPTION_LABELS = {name: spec.label for name, spec in TABLES.items()}  # declared once


def plain_source(text: str | None) -> str:
    """A source as a reader can follow it: the project's notes files named by their title and
    as-of (model.source_text), not by a file name."""
    return readable_source(text)


def field_label(name: str) -> str:
    """'deals.cost_musd' -> 'deal cost', from the declared labels."""
    return qualified(name)


class Names:
    """Names instead of ids, for the tables and reports people read. `Names.of(portfolio)`
    shares one instance per portfolio value (every table asks after each edit)."""

    _last: tuple[object, Names] | None = None

    @classmethod
    def of(cls, portfolio) -> Names:
        last = cls._last
        if last is not None and last[0] is portfolio:
            return last[1]
        names = cls(portfolio)
        cls._last = (portfolio, names)
        return names

    def __init__(self, portfolio) -> None:
        self.blocks = {b.id: b.name for b in portfolio.blocks}
        self.firms = {f.id: f.name for f in portfolio.firms}
        self.deals = {d.id: (d.firm_id, d.block_id) for d in portfolio.deals}

    def block(self, block_id: str | None) -> str:
        return self.blocks.get(block_id or "", block_id or "—")

    def firm(self, firm_id: str | None) -> str:
        return self.firms.get(firm_id or "", firm_id or "—")

    def deal(self, deal_id: str) -> str:
        if deal_id not in self.deals:
            return deal_id
        firm, block = self.deals[deal_id]
        return f"{self.firm(firm)} – {self.block(block)}"


def bar_label(label: str, low: str, high: str) -> str:
    """'Mt Weld: India's offtake share (0.0 % / 15.0 %)': the tornado's settings read as the model
    states them (model.number_text, by the declared formats), the same as `repm sensitivity`."""
    return f"{label} ({low} / {high})"
