"""Every message our code shows goes through a catalog: nothing silently stays English."""

from __future__ import annotations

import ast
from pathlib import Path

from klarinfo import catalogs

ROOT = Path(__file__).resolve().parent.parent


def messages_in_code() -> set[str]:
    found = set()
    for path in (ROOT / "plugins" / "klarinfo").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in ("gettext", "ngettext")):
                first = node.args[0] if node.args else None
                assert isinstance(first, ast.Constant), (
                    f"{path.name}:{node.lineno}: gettext needs a literal string to be extracted")
                found.add(first.value)
    return found


def test_every_message_in_code_is_in_the_template_and_translated():
    template = catalogs.entries(catalogs.load(ROOT / "locales" / "klarinfo.pot"))
    code = messages_in_code()
    assert len(code) >= 40
    missing = sorted(code - set(template))
    assert not missing, f"run 'make i18n-extract': {missing}"
    for edition in ("sv", "sv-latt", "en", "ar", "so"):
        path = ROOT / "locales" / edition / "LC_MESSAGES" / "klarinfo.po"
        assert catalogs.check(catalogs.load(path), catalogs.load(ROOT / "locales/klarinfo.pot"),
                              str(path)) == []
