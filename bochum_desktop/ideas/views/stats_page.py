"""Statistics for management: charts (QtCharts), the numbers as a table, export to Excel."""

from __future__ import annotations

import math

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QValueAxis,
)
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import DomainError
from ...core.formatting import format_cents, format_number
from ..dto import StatsRow
from ..reports import IdeasReports
from ..service import IdeasService
from . import common


def _num(value, decimals: int = 1) -> str:
    return "–" if value is None else format_number(value, decimals)


PATTERNS = (Qt.BrushStyle.BDiagPattern, Qt.BrushStyle.CrossPattern, Qt.BrushStyle.Dense4Pattern)


def nice_axis(top: float, ticks: int = 4, integer: bool = False) -> tuple[float, float]:
    """(tick step, axis maximum): a step of 1, 2, 2,5 or 5 × 10^n with about `ticks` steps and room above the
    highest bar for its value label. Counts and money get whole-number steps."""
    target = max(top * 1.2, 1.0) / ticks
    magnitude = 10 ** math.floor(math.log10(target))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= target)
    if integer:
        step = max(1.0, math.ceil(step))
    maximum = step * max(1, math.ceil(max(top * 1.2, 1.0) / step))
    return step, maximum


class StatsPage(QWidget):
    def __init__(self, service: IdeasService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.ask_save_path = common.ask_save_path
        self.rows: list[StatsRow] = []
        self.year = QComboBox()
        year_label = QLabel(self.tr("&Year"))
        year_label.setBuddy(self.year)
        this_year = service.clock.today().year
        for y in range(this_year, this_year - 6, -1):
            self.year.addItem(str(y), y)
        self.year.addItem(self.tr("All years"), None)
        self.year.currentIndexChanged.connect(self.refresh)
        self.export_button = QPushButton(self.tr("Export to &Excel…"))
        self.export_button.clicked.connect(self.export)
        self.status = common.StatusLine(self)
        top = QHBoxLayout()
        top.addWidget(year_label)
        top.addWidget(self.year)
        top.addStretch(1)
        top.addWidget(self.export_button)

        self.rate_chart = QChartView()
        self.rate_chart.setAccessibleName(self.tr("Chart: suggestions per 100 staff"))
        self.acceptance_chart = QChartView()
        self.acceptance_chart.setAccessibleName(self.tr("Chart: acceptance rate"))
        self.money_chart = QChartView()
        self.money_chart.setAccessibleName(self.tr("Chart: savings and awards"))
        charts = QSplitter(Qt.Orientation.Horizontal)
        for view in (self.rate_chart, self.acceptance_chart, self.money_chart):
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(230)
            charts.addWidget(view)

        self.table = QTableWidget(0, 9)
        self.table.setAccessibleName(self.tr("Statistics table"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Year"), self.tr("Unit"), self.tr("Suggestions"), self.tr("Staff"), self.tr("Per 100 staff"),
            self.tr("Acceptance rate %"), self.tr("Median lead time (days)"), self.tr("Savings"), self.tr("Awards")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(charts, 1)
        self.unit_key = QLabel()
        self.unit_key.setWordWrap(True)
        layout.addWidget(self.unit_key)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.refresh()

    def refresh(self) -> None:
        try:
            self.rows = self.service.statistics(self.year.currentData())
        except DomainError as exc:
            self.status.error(exc.message)
            return
        self.table.setRowCount(0)
        for r in self.rows:
            row = self.table.rowCount()
            self.table.insertRow(row)
            values = (str(r.year), r.unit_name, str(r.suggestions), str(r.head_count), _num(r.per_100_staff),
                      _num(r.acceptance_rate), _num(r.median_lead_days), format_cents(r.savings_cents),
                      format_cents(r.awards_cents))
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                if col != 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self._charts()

    def _unit_rows(self) -> list[StatsRow]:
        # Charts per unit; with "all years" the units of several years would repeat, so the latest year.
        units = [r for r in self.rows if r.unit_id]
        if units and self.year.currentData() is None:
            latest = max(r.year for r in units)
            units = [r for r in units if r.year == latest]
        return units

    def _bar_chart(self, title: str, series_data: list[tuple[str, list[float]]], categories: list[str],
                   decimals: int, unit: str = "") -> QChart:
        chart = QChart()
        chart.setTitle(title)
        # German numbers (20,0 and 9.000) on the axis and the bars.
        chart.setLocale(QLocale(QLocale.Language.German, QLocale.Country.Germany))
        chart.setLocalizeNumbers(True)
        series = QBarSeries()
        top = 0.0
        for i, (name, values) in enumerate(series_data):
            bar = QBarSet(name)
            for v in values:
                bar.append(v)
                top = max(top, v)
            # Not by colour alone: every further series gets a hatch pattern (shown in the legend too).
            if i:
                bar.setBrush(QBrush(bar.color(), PATTERNS[(i - 1) % len(PATTERNS)]))
            bar.setLabelColor(QColor("black"))
            series.append(bar)
        series.setLabelsVisible(True)  # numbers on the bars: the chart is readable without colours
        series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
        series.setLabelsPrecision(8)
        series.setLabelsFormat("@value" + (f" {unit}" if unit else ""))
        chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append(categories)
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_x)
        axis_y = QValueAxis()
        step, maximum = nice_axis(top, integer=decimals == 0)
        if unit == "%":
            step, maximum = 25.0, 115.0  # ticks 0–100 %, room above 100 % for the value label
        axis_y.setRange(0, maximum)
        axis_y.setTickType(QValueAxis.TickType.TicksDynamic)
        axis_y.setTickAnchor(0)
        axis_y.setTickInterval(step)
        axis_y.setLabelFormat(f"%.{decimals if step < 1 else 0}f" + (f" {unit}" if unit else ""))
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_y)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.legend().setVisible(True)
        return chart

    def _charts(self) -> None:
        units = self._unit_rows()
        categories = [r.unit_name.split(" – ")[0] for r in units]
        # Codes under the narrow bars; the names beside them (a truncated "10 Pers…" helps nobody).
        self.unit_key.setText(self.tr("Units: %1").replace("%1", "; ".join(r.unit_name for r in units)))
        self.rate_chart.setChart(self._bar_chart(
            self.tr("Suggestions per 100 staff"),
            [(self.tr("Suggestions per 100 staff"), [round(float(r.per_100_staff or 0), 1) for r in units])],
            categories, 1))
        self.acceptance_chart.setChart(self._bar_chart(
            self.tr("Acceptance rate (%)"),
            [(self.tr("Acceptance rate in %"), [round(float(r.acceptance_rate or 0), 1) for r in units])],
            categories, 1, "%"))
        self.money_chart.setChart(self._bar_chart(
            self.tr("Savings and awards (€)"),
            [(self.tr("Savings (plain bars)"), [r.savings_cents / 100 for r in units]),
             (self.tr("Awards (hatched bars)"), [r.awards_cents / 100 for r in units])], categories, 0, "€"))

    def export(self) -> None:
        year = self.year.currentData()
        name = f"Ideenmanagement-Statistik-{year or 'alle'}.xlsx"
        path = self.ask_save_path(self, self.tr("Export statistics"), name, self.tr("Excel files (*.xlsx)"))
        if not path:
            return
        try:
            IdeasReports(self.service).export_statistics(path, year)
        except (DomainError, OSError) as exc:
            self.status.error(getattr(exc, "message", str(exc)))
            return
        self.status.ok(self.tr("Statistics saved: %1").replace("%1", path))
