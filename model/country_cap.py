"""The plan's limit on one country's share of supply, in its two forms, and its words.

* Over all supply (the default, the issue's "largest single-country share of magnets in Y"):
  every country's share of the year's magnets, India's own output counted as a country.
* Over imported supply only (`cap_imported_only`): each foreign country's share of the magnets
  made from imported feed; India's own output is neither limited nor counted in the total, so the
  limit is on the diversity of imports. Nothing imported breaks no limit.

Shares of magnets are shares of NdPr oxide (equation 7), so both forms are linear in the oxide of
each deal. The optimiser's judge, its programme, the infeasibility notes, `repm optimise`, the
Plan tab and the briefing all read the form from here.
"""

from __future__ import annotations

from model.concentration import HOME

CLI_IMPORTED = "use --cap-imported-only"  # how to switch to the imports-only form in the CLI


def capped_shares(shares: dict[str, float], imported_only: bool) -> dict[str, float]:
    """The shares the limit applies to, from shares (or tonnes) of all supply by country: all of
    them, or each foreign country's share of imports (empty when nothing is imported)."""
    if not imported_only:
        total = sum(shares.values())
        return {c: s / total for c, s in shares.items()} if total > 0 else {}
    imported = {c: s for c, s in shares.items() if c != HOME}
    total = sum(imported.values())
    return {c: s / total for c, s in imported.items()} if total > 0 else {}


def of_what(imported_only: bool) -> str:
    """What the limited shares are shares of."""
    return "imported supply" if imported_only else "all supply"


def limit_name(share: float, imported_only: bool) -> str:
    """'the limit of 40% from one country' or 'the limit of 40% of imports from one country'."""
    return f"the limit of {share:.0%} {'of imports ' if imported_only else ''}from one country"


def cap_sentence(share: float | None, imported_only: bool) -> str:
    """The form of the limit a plan was found under, in one sentence (result, briefing)."""
    if share is None:
        return "No limit on one country's share."
    if imported_only:
        return (
            f"Country limit: at most {share:.0%} of imported supply from any one foreign "
            "country (India's own output not counted)."
        )
    return (
        f"Country limit: at most {share:.0%} of all supply from any one country "
        "(India's own output counts as a country)."
    )
