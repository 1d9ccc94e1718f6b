"""The package's shape, checked from its source (ARCHITECTURE.md, "Capabilities").

- core modules (everything but ``plugin.py``/``config.py`` and ``adapter/``) never
  import MkDocs, Material or i18n, so the core can move to another generator;
- a capability uses another capability only through its public module (the names in
  its ``__init__``'s ``__all__``), or the shared base;
- the base imports no capability;
- modules stay small: a plugin ≤ 200 lines (~), any module ≤ 300 unless a reason is
  written below.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "plugins" / "klarinfo"
CAPABILITIES = ("editions", "readability", "glossary", "examples", "partners", "safety",
                "publishing", "search")
GENERATOR = ("mkdocs", "material", "mkdocs_static_i18n")
#: Longer modules, and why they stay whole.
LONG = {
    "examples/life_income.py": "the whole life-income model with the law text it cites, "
    "so a reviewer checks one file against the rules",
    "examples/life_income_render.py": "every sentence of a worked example in one place, "
    "each with its translator context",
    "editions/translation_status.py": "the translation status, hash and snapshot rules the "
    "build and the command line must share",
    "readability/score.py": "the three formulas and the profiles that choose between them",
}
PLUGIN_LINES, MODULE_LINES = 205, 300  # "~200": editions wires the most events


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _imports(path: Path) -> list[tuple[str, tuple[str, ...]]]:
    """(module, names) of every import outside ``if TYPE_CHECKING:`` blocks."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If)
               and getattr(node.test, "id", "") == "TYPE_CHECKING"
               for child in node.body for n in ast.walk(child)}
    out = []
    package = ".".join(("klarinfo", *path.relative_to(PACKAGE).parent.parts))
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            out += [(a.name, ()) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:  # relative: resolve against the module's package
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([module] if module else []))
            out.append((module, tuple(a.name for a in node.names)))
    return out


def _where(path: Path) -> str:
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else ""


def _is_core(path: Path) -> bool:
    return _where(path) != "adapter" and path.name not in ("plugin.py", "config.py")


def test_core_modules_never_import_the_generator():
    offenders = [f"{p.relative_to(PACKAGE)}: {m}" for p in _modules() if _is_core(p)
                 for m, _ in _imports(p)
                 if m.split(".")[0] in GENERATOR or m.startswith("klarinfo.adapter")
                 or m.endswith((".plugin", ".config"))]
    assert not offenders, offenders
    assert sum(_is_core(p) for p in _modules()) >= 40  # the scan sees the whole core


def test_capabilities_use_each_other_only_through_their_public_module():
    offenders = []
    for path in _modules():
        own = _where(path)
        for module, names in _imports(path):
            parts = module.split(".")
            if parts[0] != "klarinfo" or len(parts) == 1 and not names:
                continue
            if len(parts) == 1:  # from klarinfo import glossary
                other = [n for n in names if n in CAPABILITIES and n != own]
                if own == "base" and other:
                    offenders.append(f"{path.relative_to(PACKAGE)}: {module} {names}")
                continue
            target = parts[1]
            if target in (own, "base") or target not in CAPABILITIES:
                continue
            if own == "base":
                offenders.append(f"{path.relative_to(PACKAGE)}: base imports {module}")
            elif own == "adapter" and (len(parts) == 2 or parts[2] in ("config", "plugin")):
                continue  # the meta plugin loads each capability's plugin and options
            elif len(parts) > 2:
                offenders.append(f"{path.relative_to(PACKAGE)}: {module} is internal")
            else:
                public = set(importlib.import_module(module).__all__)
                hidden = [n for n in names if n not in public]
                if hidden:
                    offenders.append(f"{path.relative_to(PACKAGE)}: {module} {hidden}")
    assert not offenders, offenders


def test_every_capability_is_a_folder_with_a_thin_plugin_and_its_entry_point():
    pyproject = (PACKAGE.parent.parent / "pyproject.toml").read_text(encoding="utf-8")
    for name in CAPABILITIES:
        folder = PACKAGE / name
        assert (folder / "__init__.py").is_file() and (folder / "plugin.py").is_file(), name
        assert (folder / "config.py").is_file(), name
        assert f'"klarinfo/{name}" = "klarinfo.{name}.plugin:' in pyproject, name
        lines = len((folder / "plugin.py").read_text(encoding="utf-8").splitlines())
        assert lines <= PLUGIN_LINES, f"{name}/plugin.py has {lines} lines"


def test_modules_stay_small_or_say_why():
    long = {}
    for path in _modules():
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MODULE_LINES:
            long[path.relative_to(PACKAGE).as_posix()] = lines
    assert set(long) <= set(LONG), {k: v for k, v in long.items() if k not in LONG}
