"""Heavy rare earths on screen (equation 8): the Dy/Tb route on the capacity chart, its marker
as bottleneck, each block's Dy+Tb in the detail panel, the scenario dialog's settings."""

import numpy as np
import pytest
from PySide6.QtCore import QSettings

from desktop import operations
from desktop.app import build_window
from desktop.charts.capacity_chart import DYTB_LINE
from desktop.scenario_dialog import ScenarioDialog
from model.assumptions import Assumptions
from model.scenario import Scenario
from model.scenarios import find_scenario
from model.store import Store
from tests.builders import ample_downstream, block, deal, plant, portfolio
from tests.desktop.plotted import plotted


@pytest.fixture
def dytb_window(qtbot, tmp_path):
    """NdPr-rich, Dy/Tb-poor: 9.5 t Dy+Tb oxide allows 275.5 t of magnets at half
    high-temperature grade (5,700 t by NdPr alone); a second block with no known Dy+Tb share."""
    p = portfolio(
        [
            block(
                "a",
                name="Rich",
                product="concentrate",
                nameplate_tpa=10_000.0,
                ndpr_share=0.2,
                dytb_share=0.001,
            ),
            block("x", name="Unknown", country="BRA", nameplate_tpa=10.0),
        ],
        [deal("a"), deal("x")],
        [plant("separation", 20_000.0), *ample_downstream()],
    )
    p = p.model_copy(update={"assumptions": Assumptions(high_temp_share=0.5)})
    path = tmp_path / "hot.repm"
    with Store.open(path) as store:
        store.replace_portfolio(p)
    win = build_window(path, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def test_capacity_chart_shows_the_dytb_route(dytb_window):
    chart = dytb_window.view.capacity_chart
    # 9.5 t Dy+Tb oxide x 0.87 / 0.06 t per high-temperature magnet / 0.5 of output = 275.5 t
    np.testing.assert_allclose(plotted(chart)[DYTB_LINE], 275.5)
    np.testing.assert_allclose(plotted(chart)["Magnets produced"], 275.5)
    np.testing.assert_allclose(plotted(chart)["Oxide after separation"], 5730.0)  # + 10 t oxide


def test_dytb_is_marked_as_the_bottleneck_with_its_own_symbol(dytb_window):
    chart = dytb_window.view.projection_chart
    assert chart.bottleneck_years["dytb"] == list(range(2025, 2041))
    marker = chart._items["bottleneck dytb"]
    assert marker.opts["symbol"] == "star"
    assert "Bottleneck: Dy/Tb (heavy rare earths)" in chart.hover_text(2030)
    assert "Dy+Tb: 9.5 t, need" in chart.hover_text(2030)


def test_detail_panel_shows_the_block_dytb(dytb_window):
    view = dytb_window.view
    view.select_block("a")
    text = view.detail.toPlainText()
    assert "Dy+Tb oxide from this block, t/yr" in text and "9.5" in text
    view.select_block("x")
    assert "Unknown: no Dy+Tb share is given, so it counts as zero" in view.detail.toPlainText()


def test_without_a_high_temperature_share_there_is_no_dytb_line(window):
    assert DYTB_LINE not in plotted(window.view.capacity_chart)
    hot = find_scenario(window.session.portfolio, "Half high-temperature grades")
    operations.put_scenario(window.session, hot, replacing=None)  # as 'Copy' in the GUI does
    window.session.set_scenario(hot.name)
    series = plotted(window.view.capacity_chart)
    np.testing.assert_allclose(series[DYTB_LINE], window.session.projection.dytb_eq)
    window.session.set_scenario("Base")
    assert DYTB_LINE not in plotted(window.view.capacity_chart)


def test_scenario_dialog_sets_the_grade_mix_and_process(qtbot):
    base = Assumptions(dytb_market_tpa=20.0)
    dialog = ScenarioDialog(
        Scenario(name="Hot", assumption_overrides={"inr_per_usd": 90}), None, base
    )
    qtbot.addWidget(dialog)
    assert dialog.dytb.market.value() == 20.0  # starts from the portfolio's own value
    dialog.dytb.share.setValue(40)
    dialog.dytb.process.setCurrentIndex(dialog.dytb.process.findData("grain_boundary_diffusion"))
    dialog.try_accept()
    assert dialog.result_scenario.assumption_overrides == {
        "inr_per_usd": 90,
        "high_temp_share": 0.4,
        "dytb_process": "grain_boundary_diffusion",
    }


def test_concentration_view_names_where_the_dytb_comes_from(dytb_window):
    view = dytb_window.view.concentration
    view.refresh()
    assert "Dy+Tb delivered: HHI 10,000 (highly concentrated); largest: Australia 100%" in (
        view.heading.text()
    )


def test_briefing_lists_the_dytb_assumptions_and_the_process(qapp):
    from datetime import date

    from desktop.report import build_document
    from model.demo import demo_portfolio

    demo = demo_portfolio()
    hot = demo.assumptions.with_overrides({"dytb_process": "grain_boundary_diffusion"})
    text = build_document(
        demo.model_copy(update={"assumptions": hot}), draws=200, today=date(2026, 11, 26)
    ).toPlainText()
    for line in (
        "High-temperature share of magnets",
        "Dy+Tb per t magnet, conventional",
        "Dy+Tb per t magnet, grain-boundary diffusion",
        "Dy+Tb bought outside China",
        "Dy/Tb process",
        "grain boundary diffusion",
    ):
        assert line in text


def test_the_guide_explains_heavy_rare_earths_with_the_models_figures():
    from desktop.guide import PAGES, guide_folder

    assert "heavy-rare-earths.html" in PAGES
    assert 'href="heavy-rare-earths.html"' in (guide_folder() / "index.html").read_text()
    page = (guide_folder() / "heavy-rare-earths.html").read_text()
    a = Assumptions()
    allowed = 10 * a.dytb_oxide_to_metal / a.dytb_intensity_conventional  # 145 t
    assert f"about {allowed:.0f} t of" in page and f"about {allowed / 0.5:.0f} t in all" in page
    assert f"{a.dytb_intensity_conventional:g} t Dy+Tb per t" in page
