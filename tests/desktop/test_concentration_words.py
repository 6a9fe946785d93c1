"""The Concentration view, the briefing and `repm concentration` call the largest country a
share of supply, mark India's own output as domestic and name the largest foreign supplier."""

import re

from desktop.report import build_document
from model.countries import country_name
from tests.cli_runner import run


def expected_shares(projection, year):
    """Each country's share of magnets in `year`, from the projection's own figures."""
    i = projection.year_index(year)
    return {c: v[i] / projection.magnets[i] for c, v in projection.by_country().items()}


def test_view_and_cli_say_share_of_supply_and_name_the_largest_foreign(window, capsys):
    s = window.session
    view = window.view
    view.tabs.setCurrentWidget(view.concentration)
    view.concentration.refresh()
    shares = expected_shares(s.projection, s.target_year)
    assert max(shares, key=shares.get) == "IND"  # the demo: India's own mine leads
    foreign = max((c for c in shares if c != "IND"), key=shares.get)
    words = (
        f"largest single-country share of supply: India {shares['IND']:.0%} (domestic); "
        f"largest foreign: {country_name(foreign)} {shares[foreign]:.0%}"
    )
    heading = re.sub("<[^>]+>", "", view.concentration.heading.text())
    assert words in heading and "dependence" not in heading
    code, out, _ = run(capsys, "concentration", "--demo", "--year", str(s.target_year))
    assert code == 0 and f"{s.target_year}: {words}" in out
    brief = build_document(s.portfolio, year=s.target_year, draws=200).toPlainText()
    assert words in brief.replace("\n", " ") and "single-country dependence" not in brief
