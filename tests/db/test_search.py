"""Search as users type it: case, umlauts and ß do not matter, and old data files are re-indexed."""

from __future__ import annotations

import sqlite3

import pytest

from bochum_desktop.db import search
from bochum_desktop.db.migrate import open_data_file
from bochum_desktop.reference.service import EmployeeData, ReferenceService


def _add(service, number, last, first):
    return service.save_employee(EmployeeData(id=None, personnel_number=number, last_name=last, first_name=first))


def test_sharp_s_umlauts_and_case(db):
    service = ReferenceService(db)
    weiss = _add(service, "100001", "Weiß", "Jürgen")
    _add(service, "100002", "Weise", "Anna")
    for typed in ("Weiß", "weiss", "WEISS", "weiß jürgen", "Weiss Jurgen"):
        assert [e.id for e in service.find_employees(typed)] == [weiss.id], typed
    assert len(service.find_employees("wei")) == 2


def test_outdated_index_is_rebuilt_when_the_file_is_opened(tmp_path, db, data_file):
    service = ReferenceService(db)
    weiss = _add(service, "100001", "Weiß", "Jürgen")
    db.dispose()
    con = sqlite3.connect(data_file)
    # What an older version wrote: the raw text, and no index version.
    con.execute("UPDATE fts_employee SET body = 'Weiß Jürgen'")
    con.execute("DELETE FROM local_meta WHERE key = 'fts_version'")
    con.commit()
    con.close()
    assert service.find_employees("weiss") == []
    open_data_file(data_file, tmp_path / "backups")
    assert [e.id for e in service.find_employees("weiss")] == [weiss.id]
    con = sqlite3.connect(data_file)
    assert con.execute("SELECT value FROM local_meta WHERE key='fts_version'").fetchone() == (search.INDEX_VERSION,)
    con.close()


@pytest.mark.parametrize("text", ["Müller", "MÜLLER", "Weiß", "Straße", "Ayşe Özdemir", "İstanbul", "ﬁnanz", "ΣΊΣΥΦΟΣ",
                                  "Zoë Noël", "e\u0301cole", "Ørsted Łódź", "東京", "a\U0001F600b", "plain ascii 123"])
def test_the_fast_fold_equals_folding_the_whole_string(text):
    """normalise folds character by character through a lookup table (fast for large pulls); it must give
    what casefold + NFKD + dropping combining marks give for the whole string - the search index's definition."""
    import unicodedata

    from bochum_desktop.db.textfold import normalise

    whole = unicodedata.normalize("NFKD", text.casefold())
    assert normalise(text) == "".join(c for c in whole if not unicodedata.combining(c))
