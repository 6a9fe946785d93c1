"""The briefing describes what the window shows: its scenario, mode, horizon and target year,
whatever they are, computed in the background."""

from datetime import date

import pytest

from desktop.report import build_document, compute_figures, suggested_name
from model import project
from model.demo import demo_portfolio


def test_window_briefing_uses_the_windows_settings(window, qtbot, tmp_path, monkeypatch):
    captured = {}
    import desktop.briefing_export as export

    def keep(figures, **kwargs):
        captured["figures"] = figures
        return original(figures, **kwargs)

    original = export.document_from
    monkeypatch.setattr(export, "document_from", keep)
    window.scenario_combo.setCurrentText("All deals slip 2 years")
    window.mode_combo.setCurrentText("all")
    window.end_spin.setValue(2045)
    window.start_spin.setValue(2027)
    window.year_spin.setValue(2043)  # outside 2025-2040: used to crash
    window.export_briefing(str(tmp_path / "b.pdf"), include=False)
    assert window.briefing.progress.objectName() == "briefingProgress"
    qtbot.waitUntil(lambda: window.briefing.done, timeout=60000)
    assert (tmp_path / "b.pdf").read_bytes().startswith(b"%PDF")
    f = captured["figures"]
    assert f.scenario.name == "All deals slip 2 years" and f.mode == "all" and f.year == 2043
    assert f.projection.years[0] == 2027 and f.projection.years[-1] == 2045
    reference = project(
        window.session.portfolio, mode="all", scenario=f.scenario, start=2027, end=2045
    )
    assert f.projection.magnets[-1] == pytest.approx(reference.magnets[-1])
    assert "Briefing written to" in window.statusBar().currentMessage()


def test_cover_names_scenario_mode_and_years(qapp):
    demo = demo_portfolio()
    scenario = demo.scenario("All deals slip 2 years")
    doc = build_document(
        demo,
        scenario=scenario,
        mode="committed",
        start=2026,
        end=2036,
        year=2034,
        draws=200,
        today=date(2026, 11, 25),
    )
    text = doc.toPlainText()
    cover = text.split("Headline")[0]
    p = project(demo, mode="committed", scenario=scenario, start=2026, end=2036)
    i = p.year_index(2034)
    delays = "committed, with the scenario's delays"  # the scenario slips every start
    assert f"{p.magnets[i]:,.0f} t/yr of magnets ({delays}) in 2034" in cover
    assert "on schedule" not in text  # no figure or meaning says no delay is assumed
    assert "Scenario: All deals slip 2 years" in cover and "mode: committed" in cover
    assert "years 2026-2036" in cover and "2026-11-25" in cover and demo.name in cover
    assert "only signed or acquired deals" in cover


def test_briefing_lists_plants_and_cites_sources_not_files(qapp):
    demo = demo_portfolio()
    text = build_document(demo, draws=200).toPlainText()
    assert "Domestic plants" in text
    for plant in demo.plants:
        assert plant.name in text
    for code in ("india.md", "conversion.md", "p_stage", "ndpr_in_magnet", "deals.notes"):
        assert code not in text
    assert "NdPr metal per t magnet" in text and "deal notes" in text


def test_year_outside_the_horizon_is_refused_in_one_line():
    with pytest.raises(ValueError, match="target year 2045 is outside the horizon 2025-2040"):
        compute_figures(demo_portfolio(), year=2045, draws=10)


def test_no_chance_shown_for_years_without_a_target(qapp):
    demo = demo_portfolio()
    target = demo.target.model_copy(update={"path": {2025: 0.0, 2026: 0.0}})
    p = demo.model_copy(update={"target": target})
    text = build_document(p, draws=200, start=2025, end=2030, year=2030).toPlainText()
    assert "no target is set for 2025, 2026, so no chance" in text
    headline = text[text.index("Bottleneck") : text.index("no target is set")]
    assert "no target" not in headline  # the table shows "—", not a phrase beside the stage


def test_suggested_name():
    assert suggested_name(date(2026, 11, 25)) == "REPM briefing 2026-11-25.pdf"
