"""Only ui/, */views/ and app.py may import Qt (import-linter checks it too; this catches new modules
that the contract list does not name yet)."""

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parents[1] / "bochum_desktop"


def _imports_qt(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) and any(a.name.split(".")[0] in ("PySide6", "shiboken6") for a in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in ("PySide6", "shiboken6"):
            return True
    return False


def test_qt_only_in_ui_views_and_app():
    offenders = []
    for path in PKG.rglob("*.py"):
        rel = path.relative_to(PKG)
        allowed = rel.parts[0] == "ui" or "views" in rel.parts[:-1] or rel.as_posix() == "app.py"
        if not allowed and _imports_qt(path):
            offenders.append(rel.as_posix())
    assert offenders == []


def test_features_do_not_import_each_other():
    features = {"kita", "ideas"}
    offenders = []
    for feature in features:
        for path in (PKG / feature).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            for other in features - {feature}:
                if f"bochum_desktop.{other}" in text or f"from ..{other}" in text or f"from ...{other}" in text:
                    offenders.append(f"{path.relative_to(PKG)} -> {other}")
    assert offenders == []
