"""Is the port `make site` wants free? Asked before building, not after.

`mkdocs serve` builds every edition first and only then binds its port, so a second
`make site` (or any other server on 8000) used to cost a full build before failing
with a traceback. `make site` runs this check first and stops at once with the fix.

    python -m klarinfo.publishing.ports 127.0.0.1 8000     # exit 0 if free, 1 with a message if not
"""

from __future__ import annotations

import socket
import sys


def busy(host: str, port: int) -> str | None:
    """Why `host:port` cannot be served on, or None if it can.

    Binds the way MkDocs' server does (SO_REUSEADDR, so a port left in TIME_WAIT by
    the last `make site` counts as free) and lets go of it at once.
    """
    if not 0 < port < 65536:
        return "not a port number: use 1 to 65535"
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        return f"cannot resolve the host {host!r} ({exc.strerror})"
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(address)
        except OSError as exc:  # in use, or not ours to use (below 1024, another address)
            return exc.strerror or str(exc)
    return None


def message(host: str, port: int, reason: str) -> str:
    """What a communicator reads: what is wrong and the command that works instead."""
    return (f"make site: cannot serve on http://{host}:{port}/ ({reason}) — another "
            f"`make site` or server probably uses this port; stop it, or choose another "
            f"port: make site PORT={port + 1}")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2 or not args[1].isdigit():
        print("usage: python -m klarinfo.publishing.ports HOST PORT", file=sys.stderr)
        return 2
    host, port = args[0], int(args[1])
    reason = busy(host, port)
    if reason:
        print(message(host, port, reason), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
