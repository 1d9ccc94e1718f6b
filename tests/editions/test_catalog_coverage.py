"""Every message our code shows goes through a catalog: nothing silently stays English."""

from __future__ import annotations

import ast
from pathlib import Path

from klarinfo.editions import catalogs

ROOT = Path(__file__).resolve().parents[2]


def messages_in_code() -> set[str]:
    found = set()
    for path in (ROOT / "plugins" / "klarinfo").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in ("gettext", "ngettext", "pgettext", "npgettext")):
                with_context = node.func.attr.startswith(("pg", "npg"))
                literals = node.args[:2] if with_context else node.args[:1]
                assert literals and all(isinstance(a, ast.Constant) for a in literals), (
                    f"{path.name}:{node.lineno}: gettext needs a literal string to be extracted")
                found.add(catalogs.message_key(*[a.value for a in literals]) if with_context
                          else literals[0].value)
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
