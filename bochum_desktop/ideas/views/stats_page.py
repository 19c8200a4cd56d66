"""Statistics for management: charts (QtCharts), the numbers as a table, export to Excel."""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
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
                   label_format: str) -> QChart:
        chart = QChart()
        chart.setTitle(title)
        series = QBarSeries()
        top = 0.0
        for name, values in series_data:
            bar = QBarSet(name)
            for v in values:
                bar.append(v)
                top = max(top, v)
            series.append(bar)
        series.setLabelsVisible(True)  # numbers on the bars: the chart is readable without colours
        series.setLabelsFormat("@value")
        chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append(categories)
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_x)
        axis_y = QValueAxis()
        axis_y.setRange(0, top * 1.2 if top else 1)
        axis_y.setLabelFormat(label_format)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_y)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        return chart

    def _charts(self) -> None:
        units = self._unit_rows()
        categories = [r.unit_name.split(" – ")[0] for r in units]
        self.rate_chart.setChart(self._bar_chart(
            self.tr("Suggestions per 100 staff"),
            [(self.tr("Per 100 staff"), [float(r.per_100_staff or 0) for r in units])], categories, "%.1f"))
        self.acceptance_chart.setChart(self._bar_chart(
            self.tr("Acceptance rate (%)"),
            [(self.tr("Acceptance rate %"), [float(r.acceptance_rate or 0) for r in units])], categories, "%.0f"))
        self.money_chart.setChart(self._bar_chart(
            self.tr("Savings and awards (€)"),
            [(self.tr("Savings"), [r.savings_cents / 100 for r in units]),
             (self.tr("Awards"), [r.awards_cents / 100 for r in units])], categories, "%.0f"))

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
