"""DIN 5008 positions measured in the generated PDF, not eyeballed."""

from __future__ import annotations

from datetime import date

import pdfplumber
import pytest

from bochum_desktop.core.errors import ValidationError
from bochum_desktop.core.settings import SenderBlock
from bochum_desktop.core.tasks import Cancelled, TaskControl
from bochum_desktop.export.letter import Letter, render_letters, render_letters_separately

MM = 72 / 25.4

RECIPIENT = ["Frau", "Anna Müller", "Hauptstraße 12", "44787 Bochum"]


def make_letter(body: str = "Sehr geehrte Frau Müller,\n\nwir bieten Ihnen einen Platz an.", **kw) -> Letter:
    values = dict(
        recipient_lines=RECIPIENT,
        subject="Ihr Antrag auf einen Kita-Platz",
        body=body,
        our_ref="10/KK-17",
        name="Max Schäfer",
        phone="0234 910-1234",
        email="kita@bochum.de",
        date=date(2026, 11, 26),
        signature="Max Schäfer",
    )
    values.update(kw)
    return Letter(**values)


def words_of(path, page=0):
    with pdfplumber.open(path) as pdf:
        p = pdf.pages[page]
        return p.extract_words(keep_blank_chars=False), p.extract_text(), p.lines, len(pdf.pages)


def line_words(words, text):
    """Words of one visible line, found by its first word."""
    first = text.split()[0]
    return [w for w in words if w["text"] == first]


@pytest.mark.parametrize("form,top,info_top,folds", [("B", 45, 50, (105, 210)), ("A", 27, 32, (87, 192))])
def test_recipient_lies_in_address_window_and_info_block_at_125mm(tmp_path, form, top, info_top, folds):
    path = render_letters([make_letter()], tmp_path / "l.pdf", form=form)
    words, text, lines, _ = words_of(path)
    for rline in RECIPIENT:
        hits = [w for w in words if w["text"] == rline.split()[0]]
        assert hits, rline
        w = min(hits, key=lambda w: w["top"])  # first occurrence = the address, not the body
        assert w["x0"] >= 20 * MM and w["x1"] <= 105 * MM
        assert (top + 17.7) * MM <= w["top"] and w["bottom"] <= (top + 45) * MM, (rline, w["top"] / MM)
        assert abs(w["x0"] - 25 * MM) < 0.5  # text 5 mm inside the field
    # Return address sits in the 17.7 mm zone above the recipient.
    ret = [w for w in words if w["text"] == "Stadt" and top * MM <= w["top"] <= (top + 17.7) * MM]
    assert ret and ret[0]["bottom"] <= (top + 17.7) * MM
    # Information block: labels start at 125 mm, at or below its top.
    labels = [w for w in words if w["text"] in ("Unser", "Datum:", "Name:")]
    assert labels
    for w in labels:
        assert abs(w["x0"] - 125 * MM) < 0.5
        assert w["top"] >= info_top * MM
    # Fold marks and punch mark at the left edge.
    ys = sorted(round(ln["top"] / MM, 1) for ln in lines if ln["x0"] < 10 * MM)
    for mark in (*folds, 148.5):
        assert any(abs(y - mark) < 0.3 for y in ys), (mark, ys)


def test_umlauts_euro_and_sharp_s_are_extractable(tmp_path):
    body = "Sehr geehrte Frau Müller,\n\nder Beitrag beträgt 1.234,56 € – Größe, Übung, Äpfel, Öfen."
    path = render_letters([make_letter(body)], tmp_path / "l.pdf")
    _, text, _, _ = words_of(path)
    assert "1.234,56 €" in text
    assert "Größe, Übung, Äpfel, Öfen." in text
    assert "Mit freundlichen Grüßen" in text


def test_long_letter_flows_to_second_page_with_page_numbers(tmp_path):
    body = "Sehr geehrte Frau Müller,\n\n" + "\n\n".join(
        f"Absatz {i}: " + "Dieser Text ist lang und wird umbrochen. " * 8 for i in range(12)
    )
    path = render_letters([make_letter(body)], tmp_path / "l.pdf")
    _, text1, _, pages = words_of(path, 0)
    _, text2, _, _ = words_of(path, 1)
    assert pages == 2
    assert "Seite 1 von 2" in text1
    assert "Seite 2 von 2" in text2
    assert "Absatz 11:" in text2 and "Max Schäfer" in text2
    # Nothing lost: every paragraph appears once.
    assert all((f"Absatz {i}:" in text1) != (f"Absatz {i}:" in text2) for i in range(12))


def test_one_page_letter_has_no_page_number(tmp_path):
    path = render_letters([make_letter()], tmp_path / "l.pdf")
    _, text, _, pages = words_of(path)
    assert pages == 1 and "Seite" not in text


def test_long_lines_are_wrapped_inside_the_right_margin(tmp_path):
    body = "Sehr geehrte Damen und Herren,\n\n" + "Wort " * 80 + "DE89370400440532013000" * 4
    path = render_letters([make_letter(body)], tmp_path / "l.pdf")
    words, _, _, _ = words_of(path)
    assert max(w["x1"] for w in words if w["top"] > 100 * MM) <= (210 - 20) * MM + 0.5


def test_many_letters_into_one_pdf_and_sender_block(tmp_path):
    sender = SenderBlock(organisation="Stadt Bochum", unit="Jugendamt", street="Rathausplatz 1", postcode_city="44787 Bochum")
    letters = [make_letter(recipient_lines=["Herrn", f"Person {i}", "Weg 1", "44787 Bochum"]) for i in range(5)]
    path = render_letters(letters, tmp_path / "all.pdf", sender=sender)
    with pdfplumber.open(path) as pdf:
        assert len(pdf.pages) == 5
        assert "Person 3" in pdf.pages[3].extract_text()
        assert "Jugendamt" in pdf.pages[0].extract_text()


def test_separate_files_one_per_letter(tmp_path):
    letters = [make_letter(recipient_lines=["Herrn", f"Person {i}"]) for i in range(3)]
    files = render_letters_separately(letters, tmp_path / "out")
    assert len(files) == 3 and all(f.exists() for f in files)
    assert "Person_" not in files[0].name and "Herrn" in files[0].name


def test_cancel_leaves_no_partial_output(tmp_path):
    control = TaskControl(on_progress=lambda done, total, text: control.cancel() if done == 2 else None)
    with pytest.raises(Cancelled):
        render_letters([make_letter()] * 5, tmp_path / "all.pdf", control=control)
    assert list(tmp_path.iterdir()) == []
    control2 = TaskControl(on_progress=lambda done, total, text: control2.cancel() if done == 2 else None)
    with pytest.raises(Cancelled):
        render_letters_separately([make_letter()] * 5, tmp_path / "sep", control=control2)
    assert list((tmp_path / "sep").iterdir()) == []


def test_address_limits_are_checked(tmp_path):
    with pytest.raises(ValidationError) as err:
        render_letters([make_letter(recipient_lines=[f"Zeile {i}" for i in range(7)])], tmp_path / "x.pdf")
    assert "höchstens 6" in err.value.message
    with pytest.raises(ValidationError):
        render_letters([make_letter(recipient_lines=[])], tmp_path / "x.pdf")
    assert list(tmp_path.iterdir()) == []


def test_logo_is_drawn_in_the_letterhead(tmp_path):
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (300, 120), (0, 90, 160)).save(logo)
    path = render_letters([make_letter()], tmp_path / "l.pdf", logo=str(logo))
    with pdfplumber.open(path) as pdf:
        images = pdf.pages[0].images
    assert len(images) == 1
    img = images[0]
    assert img["bottom"] <= 45 * MM and img["x1"] <= (210 - 20) * MM + 0.5
