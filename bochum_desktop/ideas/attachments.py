"""Attachment checks: size limit and refusing executables by file extension AND by content (magic bytes),
so a renamed program ('bild.png' that is really an .exe) is refused too."""

from __future__ import annotations

import mimetypes
from pathlib import PurePath

from ..core.errors import ValidationError
from ..core.formatting import format_number

DEFAULT_MAX_BYTES = 10 * 1024 * 1024

EXECUTABLE_EXTENSIONS = frozenset(
    [".exe", ".com", ".bat", ".cmd", ".msi", ".msp", ".scr", ".pif", ".cpl", ".dll", ".sys", ".ps1", ".psm1", ".vbs", ".vbe", ".js", ".jse", ".wsf", ".wsh", ".hta", ".jar", ".lnk", ".reg", ".sh", ".bash", ".run", ".bin", ".app", ".appimage", ".deb", ".rpm", ".elf", ".so", ".dylib", ".apk", ".py", ".pyw", ".pl", ".rb", ".msc", ".gadget", ".inf", ".scf", ".url"]
)

# (offset, signature, description)
EXECUTABLE_MAGIC = (
    (0, b"MZ", "Windows-Programm"),
    (0, b"\x7fELF", "Linux-Programm"),
    (0, b"#!", "Skript"),
    (0, b"\xfe\xed\xfa\xce", "macOS-Programm"),
    (0, b"\xfe\xed\xfa\xcf", "macOS-Programm"),
    (0, b"\xce\xfa\xed\xfe", "macOS-Programm"),
    (0, b"\xcf\xfa\xed\xfe", "macOS-Programm"),
    (0, b"\xca\xfe\xba\xbe", "Java-/macOS-Programm"),
    (0, b"L\x00\x00\x00\x01\x14\x02\x00", "Windows-Verknüpfung"),
)


def check_attachment(filename: str, content: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Return the media type, or raise ValidationError on the field 'attachments'."""
    name = PurePath(filename.strip()).name
    if not name:
        raise ValidationError({"attachments": "Anlage: Dateiname fehlt."})
    if len(content) > max_bytes:
        mb = format_number(max_bytes / (1024 * 1024), 1)
        raise ValidationError({"attachments": f"Anlage „{name}“ ist zu groß (höchstens {mb} MB)."})
    if not content:
        raise ValidationError({"attachments": f"Anlage „{name}“ ist leer."})
    suffixes = {s.lower() for s in PurePath(name).suffixes}
    if suffixes & EXECUTABLE_EXTENSIONS:
        raise ValidationError({"attachments": f"Anlage „{name}“: Programme und Skripte sind als Anlage nicht erlaubt."})
    for offset, magic, label in EXECUTABLE_MAGIC:
        if content[offset:offset + len(magic)] == magic:
            raise ValidationError(
                {"attachments": f"Anlage „{name}“ ist dem Inhalt nach ein {label} und wird nicht angenommen."}
            )
    return mimetypes.guess_type(name)[0] or "application/octet-stream"
