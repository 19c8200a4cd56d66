"""One generic table model over an SQL query: ids plus a row cache, loaded in pages, sorted and filtered in SQL.

Why not a QSortFilterProxyModel: over 100k Python-backed rows a proxy needs 18-20 s to sort (stack-notes).
SQLite sorts and filters the same rows in tens of milliseconds, so every sort, search and filter is a new
query.

A refresh reads the ids of ALL matching rows in display order (one query; its length is the count) plus the
first page of values. Further pages (canFetchMore/fetchMore) are read by primary key, `id IN (...)`, which
costs the same few milliseconds at row 99,500 as at row 500 - LIMIT/OFFSET re-sorts the whole table for
every page (200 ms deep in 100k rows, measured in bench/bench_table.py).

Free-text search goes through the FTS5 index (db.search), never LIKE/lower(): SQLite folds only ASCII case,
so 'MÜLLER' would not find 'Müller'.

Loading can run synchronously (default; tests, small tables) or on a TaskRunner (`runner=`): the ids and
the first page are then read in a worker and applied on the main thread, so typing in the search field
never blocks the UI. Later pages (fetchMore) are small keyed reads and stay on the UI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from sqlalchemy import Select, func
from sqlalchemy.sql import ColumnElement
from sqlalchemy.sql.elements import Label

from ..db import search
from ..db.engine import driver_sql
from ..db.session import Database
from .cells import cell_text

log = logging.getLogger(__name__)

KINDS = ("text", "int", "date", "datetime", "cents", "decimal", "bool", "enum")
_NUMERIC = ("int", "cents", "decimal")


@dataclass(frozen=True)
class Column:
    """One column of a SqlTableModel. `expr` is selected and is also the sort key (unless `sort_expr`)."""

    key: str
    title: str  # already translated by the caller
    expr: ColumnElement
    kind: str = "text"  # text|int|date|datetime|cents|decimal|bool|enum
    labels: Mapping | None = None  # enum: stored value -> display text (translated)
    visible: bool = True  # initial visibility; the user may change it
    align: Qt.AlignmentFlag | None = None  # default: numbers right, everything else left
    sort_expr: ColumnElement | None = None  # e.g. a case-folded column; default: expr
    decimals: int = 2  # decimal kind only

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown column kind {self.kind!r}")


def display_text(col: Column, value: Any) -> str:
    """The German display form of one raw value (also used for TSV copy)."""
    return cell_text(col.kind, value, col.labels, col.decimals)


def german_sort_key(expr):
    """SQL sort key in German order (DIN 5007-1): case-free, Ö as O, ß as ss - db.textfold.fold_for_sort,
    registered as bochum_fold(). (Folding pure-ASCII text with SQLite's lower() in a CASE instead was
    measured slower: typeof() and GLOB per row cost more than the Python call's ASCII shortcut.)"""
    return func.bochum_fold(expr)


@dataclass(frozen=True)
class LoadResult:
    """What a (possibly background) load produced; applied on the main thread."""

    generation: int
    ids: list  # every matching id, in display order
    rows: list[tuple]  # the first page: (id, *values)


class SqlTableModel(QAbstractTableModel):
    """A read-only table over `query`. Row 0 of each fetched tuple is the id; values follow in column order."""

    loading_changed = Signal(bool)  # True while a background load runs
    loaded = Signal()  # after every refresh/sort/filter took effect
    load_failed = Signal(object)  # the exception of a failed background load

    def __init__(
        self,
        db: Database,
        columns: list[Column],
        query: Select,
        id_column,
        search_table: str | None = None,
        page_size: int = 500,
        parent=None,
        *,
        default_sort: tuple[str, Qt.SortOrder] | None = None,
        runner=None,
        load_now: bool = True,
    ) -> None:
        super().__init__(parent)
        if not columns:
            raise ValueError("a table needs at least one column")
        keys = [c.key for c in columns]
        if len(set(keys)) != len(keys):
            raise ValueError("column keys must be unique")
        self._db = db
        self._columns = list(columns)
        self._visible = [c.visible for c in columns]
        if not any(self._visible):
            self._visible[0] = True
        self._query = query
        self._id_column = id_column
        self._search_table = search_table
        self._page_size = max(1, page_size)
        self._runner = runner
        self._search_text = ""
        self._filters: dict[str, ColumnElement] = {}
        self._sort_key: str | None = default_sort[0] if default_sort else None
        self._sort_order = default_sort[1] if default_sort else Qt.SortOrder.AscendingOrder
        self._ids: list = []  # every matching id in display order (the "count" is its length)
        self._rows: list[tuple] = []  # loaded rows, a prefix of _ids: (id, *values)
        self._generation = 0
        self._pending = None  # TaskHandle of a running background load
        self._fetching = False
        if load_now:
            self.refresh()

    # ----- statements (also used by the benchmark to time the raw SQL, and by the start preview) -----

    @property
    def page_size(self) -> int:
        return self._page_size

    @property
    def id_column(self):
        return self._id_column

    def filtered_statement(self) -> Select:
        """The caller's query with the current search and filters, unsorted, columns as given."""
        return self._filtered()

    def _filtered(self) -> Select:
        stmt = self._query
        if self._search_table and self._search_text.strip():
            stmt = search.filter_ids(stmt, self._id_column, self._search_table, self._search_text)
        for clause in self._filters.values():
            stmt = stmt.where(clause)
        return stmt

    def _sort_expressions(self) -> list:
        id_sort = self._id_column
        desc = self._sort_order == Qt.SortOrder.DescendingOrder
        col = self.column_by_key(self._sort_key) if self._sort_key else None
        if col is None:
            return [id_sort.desc() if desc else id_sort]
        expr = col.sort_expr if col.sort_expr is not None else col.expr
        if isinstance(expr, Label):
            expr = expr.element
        if col.sort_expr is None and col.kind in ("text", "enum") and self._db.dialect == "sqlite":
            # SQLite's BINARY order puts 'Zander' before 'adam' and 'Özdemir' after 'Zander'; NOCASE folds
            # ASCII only. German order (DIN 5007-1: Ö as O, ß as ss, case ignored) via a Python function
            # SQLite calls once per row - the same folding the search index uses.
            expr = german_sort_key(expr)
        if desc:
            return [expr.desc(), id_sort.desc()]
        return [expr, id_sort]

    def rows_statement(self) -> Select:
        """The full sorted, filtered statement (id first, then every column), without LIMIT."""
        stmt = self._filtered().with_only_columns(
            self._id_column, *[c.expr for c in self._columns], maintain_column_froms=True
        )
        return stmt.order_by(None).order_by(*self._sort_expressions())

    def ids_statement(self) -> Select:
        """Only the ids of every matching row, in display order: the one query a sort/search/filter costs."""
        stmt = self._filtered().with_only_columns(self._id_column, maintain_column_froms=True)
        return stmt.order_by(None).order_by(*self._sort_expressions())

    def rows_by_ids_statement(self, ids: list) -> Select:
        """The column values of a page of rows, by primary key (fast at any depth, unlike OFFSET)."""
        stmt = self._query.with_only_columns(
            self._id_column, *[c.expr for c in self._columns], maintain_column_froms=True
        )
        return stmt.order_by(None).where(self._id_column.in_(ids))

    # ----- loading -----

    def _read_page(self, conn, ids: list) -> tuple[list[tuple], set]:
        """Rows for `ids` in their order, and the ids that no longer exist (deleted since the id query)."""
        if not ids:
            return [], set()
        by_id = {r[0]: tuple(r) for r in conn.execute(self.rows_by_ids_statement(ids))}
        rows = [by_id[i] for i in ids if i in by_id]
        return rows, {i for i in ids if i not in by_id}

    def _fetch_ids(self, conn, ids_stmt: Select) -> list:
        dialect = conn.dialect
        if dialect.name == "sqlite" and self._id_column.type.result_processor(dialect, None) is None:
            # 100k ids through SQLAlchemy's Result cost 2.5x the query itself (scalars()); the DBAPI cursor
            # returns the same strings at the speed of SQLite. Same SQL, same transaction.
            sql, params = driver_sql(ids_stmt, dialect)
            cursor = conn.connection.driver_connection.cursor()
            try:
                cursor.execute(sql, params)
                return [r[0] for r in cursor]
            finally:
                cursor.close()
        return [r[0] for r in conn.execute(ids_stmt)]

    def _read(self, generation: int, ids_stmt: Select) -> LoadResult:
        # Ids in order, then the first page: one connection, one read transaction, one snapshot.
        with self._db.engine.connect() as conn:
            # dict.fromkeys: a one-to-many join in the caller's query must not show a row twice.
            ids = list(dict.fromkeys(self._fetch_ids(conn, ids_stmt)))
            rows, missing = self._read_page(conn, ids[: self._page_size])
        if missing:
            ids = [i for i in ids if i not in missing]
        return LoadResult(generation, ids, rows)

    def _apply(self, result: LoadResult) -> None:
        if result.generation != self._generation:
            return  # a newer sort/filter superseded this load
        self.beginResetModel()
        self._ids = result.ids
        self._rows = result.rows
        self.endResetModel()
        self.loaded.emit()

    def refresh(self) -> None:
        """Re-read from the database, keeping sort, search and filters (e.g. after an insert)."""
        self._generation += 1
        generation = self._generation
        ids_stmt = self.ids_statement()
        if self._runner is None:
            self._apply(self._read(generation, ids_stmt))
            return
        if self._pending is not None:
            self._pending.cancel()
        self.loading_changed.emit(True)

        def done(result: LoadResult) -> None:
            if result.generation == self._generation:
                self._pending = None
                self.loading_changed.emit(False)
            self._apply(result)

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self._pending = None
                self.loading_changed.emit(False)
                self.load_failed.emit(exc)

        def cancelled() -> None:
            if generation == self._generation:
                self._pending = None
                self.loading_changed.emit(False)

        self._pending = self._runner.submit(
            self._read, generation, ids_stmt,
            on_done=done, on_error=failed, on_cancelled=cancelled, context=self, description="table load",
        )

    @property
    def loading(self) -> bool:
        return self._pending is not None

    def wait_loaded(self, timeout_ms: int = 10_000) -> bool:
        """Block until a background load finished (tests, export). True if nothing is pending any more."""
        if self._pending is None:
            return True
        self._pending.wait(timeout_ms)
        QCoreApplication.processEvents()
        return self._pending is None

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: B008 - Qt signature
        if parent.isValid():
            return False
        return len(self._rows) < len(self._ids)

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: B008 - Qt signature
        if parent.isValid() or self._fetching or not self.canFetchMore(parent):
            return
        # Views and model testers may call fetchMore again from inside rowsAboutToBeInserted; a nested
        # fetch would compute the same offset and insert duplicates.
        self._fetching = True
        try:
            self._fetch_next_page()
        finally:
            self._fetching = False

    def _fetch_next_page(self) -> None:
        start = len(self._rows)
        wanted = self._ids[start : start + self._page_size]
        try:
            with self._db.engine.connect() as conn:
                rows, missing = self._read_page(conn, wanted)
        except Exception:
            log.exception("loading more table rows failed")
            self._ids = self._ids[:start]  # stop paging rather than retry on every scroll
            return
        if missing:
            # Deleted elsewhere since the id query: drop them (they were never shown, no signal needed).
            self._ids = self._ids[:start] + [i for i in self._ids[start:] if i not in missing]
        if not rows:
            return
        self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def fetch_all(self) -> None:
        """Load every row of the current filter into the cache (small tables, select-all)."""
        while self.canFetchMore():
            self.fetchMore()

    # ----- search, filter, sort -----

    def set_search_text(self, user_text: str) -> None:
        if user_text == self._search_text:
            return
        self._search_text = user_text
        self.refresh()

    def search_text(self) -> str:
        return self._search_text

    def set_filter(self, key: str, clause: ColumnElement | None) -> None:
        """Add, replace (same key) or remove (None) an extra WHERE clause; filters are ANDed."""
        if clause is None:
            if self._filters.pop(key, None) is None:
                return
        else:
            self._filters[key] = clause
        self.refresh()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        cols = self.visible_columns()
        key = cols[column].key if 0 <= column < len(cols) else None
        if (key, Qt.SortOrder(order)) == (self._sort_key, self._sort_order):
            return  # views re-apply the current sort (setSortingEnabled); no need to query again
        if key is None and self.sort_section() == -1:
            return  # -1 from a view whose sort column is hidden: keep sorting by it
        self._sort_key = key
        self._sort_order = Qt.SortOrder(order)
        self.refresh()

    def sort_by_key(self, key: str | None, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if key is not None and self.column_by_key(key) is None:
            raise KeyError(key)
        self._sort_key = key
        self._sort_order = Qt.SortOrder(order)
        self.refresh()

    def sort_state(self) -> tuple[str | None, Qt.SortOrder]:
        return self._sort_key, self._sort_order

    def sort_section(self) -> int:
        """The visible column index of the sort column, -1 if none (or hidden)."""
        for i, col in enumerate(self.visible_columns()):
            if col.key == self._sort_key:
                return i
        return -1

    # ----- columns -----

    def columns(self) -> list[Column]:
        return list(self._columns)

    def column_by_key(self, key: str | None) -> Column | None:
        for col in self._columns:
            if col.key == key:
                return col
        return None

    def visible_columns(self) -> list[Column]:
        return [c for c, v in zip(self._columns, self._visible, strict=True) if v]

    def is_column_visible(self, key: str) -> bool:
        return self._visible[self._index_of(key)]

    def _index_of(self, key: str) -> int:
        for i, col in enumerate(self._columns):
            if col.key == key:
                return i
        raise KeyError(key)

    def set_column_visible(self, key: str, visible: bool) -> None:
        i = self._index_of(key)
        if self._visible[i] == visible:
            return
        if not visible and sum(self._visible) == 1:
            return  # keep at least one column, or the table would vanish
        section = sum(self._visible[:i])
        if visible:
            self.beginInsertColumns(QModelIndex(), section, section)
            self._visible[i] = True
            self.endInsertColumns()
        else:
            self.beginRemoveColumns(QModelIndex(), section, section)
            self._visible[i] = False
            self.endRemoveColumns()

    # ----- rows -----

    @property
    def total_count(self) -> int:
        """Rows matching the current search/filter (not only the loaded ones)."""
        return len(self._ids)

    def row_id(self, row: int) -> str:
        return self._rows[row][0]

    def row_for_id(self, row_id: str) -> int:
        """The loaded row of an id, -1 if not loaded (or filtered out)."""
        for i, r in enumerate(self._rows):
            if r[0] == row_id:
                return i
        return -1

    def rows_of_ids(self, ids) -> dict:
        """{id: loaded row} for those of `ids` that are loaded (one pass, for restoring a selection)."""
        wanted = set(ids)
        return {r[0]: i for i, r in enumerate(self._rows) if r[0] in wanted}

    def row_values(self, row: int) -> tuple:
        """Raw values of the visible columns of one loaded row."""
        values = self._rows[row][1:]
        return tuple(v for v, vis in zip(values, self._visible, strict=True) if vis)

    def row_texts(self, row: int) -> tuple[str, ...]:
        """Display texts of the visible columns of one loaded row."""
        return tuple(display_text(c, v) for c, v in zip(self.visible_columns(), self.row_values(row), strict=True))

    def rows_for_export(self, columns: list[Column] | None = None) -> Iterator[tuple]:
        """Every row of the current search/filter/sort (raw values of `columns`, default the visible ones),
        streamed from SQL in chunks. The statement is fixed now, so later sorting does not disturb it;
        safe to consume in a worker thread."""
        cols = columns if columns is not None else self.visible_columns()
        positions = [1 + self._index_of(c.key) for c in cols]
        stmt = self.rows_statement()
        engine = self._db.engine

        def generate() -> Iterator[tuple]:
            with engine.connect() as conn:
                result = conn.execution_options(yield_per=1000).execute(stmt)
                for row in result:
                    yield tuple(row[p] for p in positions)

        return generate()

    # ----- Qt model interface -----

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else sum(self._visible)

    def _column_at(self, section: int) -> tuple[int, Column] | None:
        seen = -1
        for i, (col, vis) in enumerate(zip(self._columns, self._visible, strict=True)):
            if vis:
                seen += 1
                if seen == section:
                    return i, col
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        found = self._column_at(index.column())
        if found is None:
            return None
        i, col = found
        value = self._rows[index.row()][1 + i]
        if role == Qt.ItemDataRole.DisplayRole:
            return display_text(col, value)
        if role == Qt.ItemDataRole.UserRole:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._alignment(col)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{col.title}: {display_text(col, value)}"
        if role == Qt.ItemDataRole.ToolTipRole and col.kind in ("text", "enum"):
            text = display_text(col, value)
            return text if len(text) > 25 else None  # long texts may be cut in the column
        return None

    def alignment_of(self, col: Column) -> int:
        return self._alignment(col)

    @staticmethod
    def _alignment(col: Column):
        if col.align is not None:
            return int(col.align)
        horizontal = Qt.AlignmentFlag.AlignRight if col.kind in _NUMERIC else Qt.AlignmentFlag.AlignLeft
        return int(horizontal | Qt.AlignmentFlag.AlignVCenter)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            found = self._column_at(section)
            if found is None:
                return None
            col = found[1]
            if role == Qt.ItemDataRole.DisplayRole:
                return col.title
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return self._alignment(col)
            if role == Qt.ItemDataRole.UserRole:
                return col.key
            return None
        return super().headerData(section, orientation, role)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
