"""Read our input files as UTF-8, and say where the first bad byte is when one is not.

Editors on other systems still save Windows-1252 or UTF-16 now and then (an
agency's translation tool, a spreadsheet export). Python's own error is a
traceback with a byte offset; a communicator needs the file and the line, and
the one thing to do about it.
"""

from __future__ import annotations

from pathlib import Path

from klarinfo.base.errors import Finding, InputError

FIX = "save the file as UTF-8 in your editor (in Poedit or VS Code: Save with Encoding → UTF-8)"


def decode(data: bytes, shown: str) -> str:
    """``data`` as text, the way MkDocs reads a page (a UTF-8 byte-order mark dropped,
    Windows line ends made ``\\n``), or an InputError at the line and column of the first
    byte that is not UTF-8."""
    try:
        return data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError as exc:
        raise InputError(not_utf8(data, exc.start, shown)) from None


def not_utf8(data: bytes, start: int, shown: str) -> Finding:
    """The finding for a byte at offset ``start`` that does not decode."""
    line_start = data.rfind(b"\n", 0, start) + 1
    column = len(data[line_start:start].decode("utf-8", errors="replace")) + 1
    return Finding(shown, data.count(b"\n", 0, start) + 1,
                   f"not UTF-8 text: byte 0x{data[start]:02x} in column {column} cannot be read",
                   FIX)


def read(path: Path, shown: str | None = None) -> str:
    """The text of ``path``; see :func:`decode`."""
    return decode(path.read_bytes(), shown or str(path))
