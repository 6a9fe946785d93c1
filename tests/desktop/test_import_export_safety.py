"""The desktop's imports and exports lose nothing: a redacted file keeps the portfolio's
confidential values, an export asks before replacing a file and never writes over a portfolio,
and the ranking shows acquisition costs only when asked."""

import json

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from model.tabular import write_xlsx

Yes, No = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No


def confidential_values(store):
    return (
        {d.id: d.notes for d in store.list("deals")},
        {b.id: b.acquisition_cost_musd for b in store.list("blocks")},
    )


def test_importing_a_redacted_export_keeps_notes_and_costs(window, tmp_path):
    store = window.session.store
    store.update("blocks", "nolans", acquisition_cost_musd=321.0)
    before = confidential_values(store)
    assert any(before[0].values())  # the demo's deals carry notes to lose
    window.export_json(str(tmp_path / "r.json"), include=False)
    window.export_xlsx(str(tmp_path / "r.xlsx"), include=False)
    for importer, name in ((window.import_json, "r.json"), (window.import_table, "r.xlsx")):
        importer(str(tmp_path / name))
        assert confidential_values(store) == before, name
        shown = window.statusBar().currentMessage()
        assert "kept the portfolio's" in shown and "blocks.acquisition_cost_musd" in shown


def test_a_workbook_without_the_notes_column_keeps_notes(window, tmp_path):
    path = tmp_path / "p.xlsx"
    write_xlsx(window.session.portfolio, path, include_confidential=True)
    wb = load_workbook(path)
    deals = wb["Deals"]
    notes = next(c.column for c in deals[1] if c.value == "notes")
    deals.delete_cols(notes)
    wb.save(path)
    before = confidential_values(window.session.store)
    window.import_table(str(path))
    assert confidential_values(window.session.store) == before


def test_export_asks_before_replacing_a_file(window, tmp_path, monkeypatch):
    target = tmp_path / "out.json"
    target.write_text("keep me")
    asked = []

    def answer(reply):
        def question(parent, title, text, *args):
            asked.append(text)
            return reply

        return question

    monkeypatch.setattr(QMessageBox, "question", answer(No))
    window.export_json(str(target), include=True)
    assert asked == ["out.json exists. Replace it?"]
    assert target.read_text() == "keep me"
    monkeypatch.setattr(QMessageBox, "question", answer(Yes))
    window.export_json(str(target), include=True)
    assert json.loads(target.read_text())["format"] == "repm-portfolio"


def test_export_never_writes_over_a_portfolio_file(window, tmp_path, monkeypatch):
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    monkeypatch.setattr(QMessageBox, "question", lambda *a: Yes)
    portfolio = window.session.path
    before = portfolio.read_bytes()
    window.export_xlsx(str(portfolio), include=True)
    window.export_json(str(tmp_path / "another.repm"), include=True)
    assert len(warned) == 2 and all("is a portfolio file" in w for w in warned)
    assert portfolio.read_bytes() == before
    assert not (tmp_path / "another.repm").exists()


def test_ranking_shows_costs_only_when_asked(window, qtbot):
    window.session.store.update("blocks", "nolans", acquisition_cost_musd=125.0)
    view = window.view
    view.analysis.setCurrentWidget(view.ranking)
    ranking = view.ranking
    ranking.refresh()
    qtbot.waitUntil(lambda: bool(ranking.values), timeout=30_000)
    model = ranking.model

    def headers():  # as read: a unit's no-break space is a space
        return [
            model.headerData(i, Qt.Orientation.Horizontal).replace("\u00a0", " ")
            for i in range(model.columnCount())
        ]

    assert ranking.show_costs.isVisible() and not ranking.show_costs.isChecked()
    assert "Cost (USD m)" not in headers() and "t per USD m" not in headers()
    ranking.show_costs.setChecked(True)
    cost = headers().index("Cost (USD m)")
    assert headers()[cost + 1] == "t per USD m"
    row = ranking.model.keys.index("kabil-nolans")
    assert model.data(model.index(row, cost)) == "125"


def test_export_names_the_confidential_fields_in_plain_words(window, monkeypatch):
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda p, t, text, *a: asked.append(text) or No)
    assert window._include_confidential() is False
    assert "(block cost, deal cost, deal notes)" in asked[0]
    assert "_musd" not in asked[0] and "deals." not in asked[0]
