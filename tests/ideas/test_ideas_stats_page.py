"""Statistics charts: German numbers, round axis steps, series told apart without colour, unit names."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt

from bochum_desktop.ideas.dto import AwardInputDTO, DecisionInput, StatementInput
from bochum_desktop.ideas.views.stats_page import StatsPage, nice_axis

pytestmark = pytest.mark.gui


@pytest.mark.parametrize(("top", "integer", "step", "maximum"), [
    (9000, True, 5000, 15000), (14.3, False, 5, 20), (16.7, False, 10, 30), (3, True, 1, 4), (0, True, 1, 1),
    (0.4, False, 0.25, 1.0)])
def test_nice_axis_steps(top, integer, step, maximum):
    assert nice_axis(top, integer=integer) == (step, maximum)


def test_charts_are_german_and_not_colour_only(qtbot, coordinator, reviewer, register, rule_set, intake):
    sid = intake(coordinator, register)
    (rid,) = coordinator.assign_reviewers(sid, [register.gutachter.id])
    reviewer.submit_statement(rid, StatementInput(feasible=True, savings_annual_cents=300_000, statement="Gut."))
    coordinator.decide(sid, DecisionInput("angenommen", "Gut.", award=AwardInputDTO(
        kind="savings", annual_savings_cents=300_000)))
    page = StatsPage(coordinator)
    qtbot.addWidget(page)
    for view in (page.rate_chart, page.acceptance_chart, page.money_chart):
        chart = view.chart()
        assert chart.localizeNumbers() and chart.locale().language() == QLocale.Language.German
        (series,) = chart.series()
        assert series.isLabelsVisible()
        axis_y = chart.axes(Qt.Orientation.Vertical)[0]
        assert axis_y.tickType().name == "TicksDynamic" and axis_y.tickAnchor() == 0
    money = page.money_chart.chart().series()[0]
    savings, awards = money.barSets()
    assert savings.brush().style() != awards.brush().style()  # a hatch pattern, not just another colour
    assert "€" in money.labelsFormat() and "€" in page.money_chart.chart().axes(Qt.Orientation.Vertical)[0].labelFormat()
    assert "10 – Personal- und Organisationsamt" in page.unit_key.text()
    assert page.table.horizontalHeaderItem(6).text() == "Median lead time (days)"
