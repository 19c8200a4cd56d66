"""Occupancy of one Kita month by month (table + QtCharts chart): places, occupied U3/Ü3, offers, free.

The table carries every number of the chart, so nothing depends on telling colours apart."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QBrush, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import DomainError
from .. import reports, rules
from ..service import KitaService
from .common import MessageLine, ask_save_path, attach, fill_years, setup_table, tab_chain
from .rows_model import RowColumn, RowsModel


def axis_step(top: int) -> int:
    """A whole-number tick step (1, 2, 5, 10, 20, 50 …) giving at most about eight steps up to `top`."""
    step = 1
    while top / step > 8:
        for factor in (2, 5, 10):
            if top / (step * factor) <= 8:
                return step * factor
        step *= 10
    return step


class OccupancyTab(QWidget):
    def __init__(self, service: KitaService, parent: QWidget | None = None, user: str = ""):
        super().__init__(parent)
        self.service, self.user = service, user
        self.message = MessageLine(self)
        self.kita = QComboBox()
        self.year = QComboBox()
        fill_years(self.year, service.clock.today())
        kita_label = QLabel(self.tr("&Kita:"))
        kita_label.setBuddy(self.kita)
        year_label = QLabel(self.tr("Kita &year:"))
        year_label.setBuddy(self.year)
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.excel_button = QPushButton(self.tr("Occupancy of all Kitas to E&xcel…"))
        self.model = RowsModel([
            RowColumn(self.tr("Month"), lambda m: m.month.strftime("%m/%Y")),
            RowColumn(self.tr("U3 places"), lambda m: m.places_u3, True),
            RowColumn(self.tr("U3 occupied"), lambda m: m.occupied_u3, True),
            RowColumn(self.tr("Ü3 places"), lambda m: m.places_ue3, True),
            RowColumn(self.tr("Ü3 occupied"), lambda m: m.occupied_ue3, True),
            RowColumn(self.tr("Open offers"), lambda m: m.pending_offers, True),
            RowColumn(self.tr("Free"), lambda m: m.free, True),
            RowColumn(self.tr("Turning 3"), lambda m: m.ageing_into_ue3, True),
            RowColumn(self.tr("Leaving for school"), lambda m: m.leaving_for_school, True),
        ], parent=self)
        self.view = setup_table(QTableView(self), self.tr("Occupancy per month"))
        attach(self.view, self.model)
        self.chart = QChart()
        self.chart.setTitle(self.tr("Occupancy per month"))
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart_view = QChartView(self.chart)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setAccessibleName(self.tr("Occupancy chart"))
        self.chart_view.setMinimumHeight(260)
        bar = QHBoxLayout()
        for w in (kita_label, self.kita, year_label, self.year, self.refresh_button, self.excel_button):
            bar.addWidget(w)
        bar.addStretch(1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.view)
        split.addWidget(self.chart_view)
        split.setSizes([300, 300])  # the month table keeps about half the height next to the chart
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        tab_chain(self.kita, self.year, self.refresh_button, self.excel_button, self.view, self.chart_view)
        self.kita.currentIndexChanged.connect(self.refresh)
        self.year.currentIndexChanged.connect(self.refresh)
        self.refresh_button.clicked.connect(self.reload_kitas)
        self.excel_button.clicked.connect(lambda: self.export())
        self.reload_kitas()

    def reload_kitas(self) -> None:
        current = self.kita.currentData()
        self.kita.blockSignals(True)
        self.kita.clear()
        for k in self.service.list_kitas():
            self.kita.addItem(k.name, k.id)
        self.kita.setCurrentIndex(max(0, self.kita.findData(current)))
        self.kita.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        kita_id = self.kita.currentData()
        rows = self.service.occupancy(kita_id, self.year.currentData()) if kita_id else []
        self.model.set_rows(rows)
        self._draw(rows)

    def _draw(self, rows) -> None:
        # A fresh chart per redraw: removing axes from a shown chart leaves their labels behind.
        old = self.chart
        self.chart = QChart()
        self.chart.setTitle(old.title())
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self._german(self.chart)
        self.chart_view.setChart(self.chart)
        if not rows:
            return
        bars = QStackedBarSeries()
        styles = {}
        for title, attr, style in ((self.tr("U3 occupied"), "occupied_u3", Qt.BrushStyle.SolidPattern),
                                   (self.tr("Ü3 occupied"), "occupied_ue3", Qt.BrushStyle.Dense3Pattern),
                                   (self.tr("Open offers"), "pending_offers", Qt.BrushStyle.BDiagPattern)):
            s = QBarSet(title)
            for m in rows:
                s.append(getattr(m, attr))
            styles[title] = style
            bars.append(s)
        places = QLineSeries()
        places.setName(self.tr("Places"))
        pen = QPen(Qt.GlobalColor.black)
        pen.setWidth(2)
        pen.setStyle(Qt.PenStyle.DashLine)
        places.setPen(pen)
        for i, m in enumerate(rows):
            places.append(i, m.places)
        self.chart.addSeries(bars)
        self.chart.addSeries(places)
        # Each series its own fill pattern (the theme gives the colours on addSeries), so the bars and the
        # legend read without telling colours apart.
        for s in bars.barSets():
            colour = s.color()
            s.setBrush(QBrush(colour, styles[s.label()]))
            s.setBorderColor(colour.darker(160))
        x = QBarCategoryAxis()
        x.append([m.month.strftime("%m/%y") for m in rows])
        y = QValueAxis()
        top = max(max(m.places, m.occupied + m.pending_offers) for m in rows)
        step = axis_step(top)
        y.setRange(0, step * (top // step + 1))  # room above the highest value, ends on a tick
        y.setTickType(QValueAxis.TickType.TicksDynamic)
        y.setTickAnchor(0)
        y.setTickInterval(step)
        y.setLabelFormat("%.0f")  # with localised numbers "%d" draws no labels at all; this gives "1.200"
        y.setTitleText(self.tr("Children"))
        self.chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        for series in (bars, places):
            series.attachAxis(x)
            series.attachAxis(y)

    @staticmethod
    def _german(chart: QChart) -> None:
        chart.setLocale(QLocale(QLocale.Language.German, QLocale.Country.Germany))
        chart.setLocalizeNumbers(True)

    def export(self, path=None) -> None:
        year = self.year.currentData()
        path = path or ask_save_path(self, self.tr("Occupancy to Excel"),
                                     f"Belegung_{rules.kita_year_label(year).replace('/', '-')}.xlsx",
                                     self.tr("Excel files (*.xlsx)"))
        if not path:
            return
        try:
            reports.export_occupancy(self.service, year, path, self.user)
        except DomainError as exc:
            self.message.error(exc)
            return
        self.message.info(self.tr("Saved: %1").replace("%1", str(path)))
