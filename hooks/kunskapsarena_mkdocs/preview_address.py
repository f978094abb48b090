"""The preview's address: `make serve ADDR=host:port`, and one clear message when the port is taken.

The socket is bound here, before anything is built, and handed to the server:
checking a port and binding it later would leave a moment for another program
to take it.
"""

from __future__ import annotations

import errno
import socket

DEFAULT_ADDRESS = "127.0.0.1:8000"


class AddressProblem(Exception):
    """A Swedish message for the editor: the address is wrong or cannot be used."""


def parse_address(text: str) -> tuple[str, int]:
    """'127.0.0.1:8123', ':8123' (the default host), '8123' or '[::1]:8123' → (host, port)."""
    text = (text or "").strip() or DEFAULT_ADDRESS
    default_host = DEFAULT_ADDRESS.rsplit(":", 1)[0]
    if text.isdigit():
        host, port_text = default_host, text
    elif text.startswith("["):
        host, _, rest = text[1:].partition("]")
        port_text = rest[1:] if rest.startswith(":") else ""
    else:
        host, sep, port_text = text.rpartition(":")
        if not sep:
            raise AddressProblem(f"adressen '{text}' saknar port; skriv värd:port, t.ex. ADDR={DEFAULT_ADDRESS}")
        host = host or default_host
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise AddressProblem(f"porten i '{text}' ska vara ett tal mellan 1 och 65535, t.ex. ADDR={DEFAULT_ADDRESS}")
    return host, int(port_text)


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on host:port, or AddressProblem saying what to do instead."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror:
        raise AddressProblem(f"värden '{host}' finns inte; använd t.ex. ADDR={DEFAULT_ADDRESS}") from None
    family, _, _, _, address = infos[0]
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        # Like http.server: a port left in TIME_WAIT by the previous preview can be taken again,
        # but one another program listens on cannot (Linux refuses that bind).
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(64)
    except OSError as exc:
        sock.close()
        shown = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        if exc.errno == errno.EADDRINUSE:
            raise AddressProblem(
                f"porten {port} på {host} används redan av ett annat program (kanske en förhandsvisning som "
                f"redan är igång). Stäng det, eller välj en annan port: make serve ADDR={_other(host, port)}"
            ) from None
        if exc.errno == errno.EACCES:
            raise AddressProblem(f"behörighet saknas för att lyssna på {shown} (portar under 1024 kräver "
                                 f"administratör); välj t.ex. make serve ADDR={_other(host, 8000)}") from None
        if exc.errno == errno.EADDRNOTAVAIL:
            raise AddressProblem(f"adressen {host} finns inte på den här datorn; använd t.ex. "
                                 f"ADDR={DEFAULT_ADDRESS}") from None
        raise AddressProblem(f"kan inte lyssna på {shown}: {exc.strerror or exc}") from None
    return sock


def _other(host: str, port: int) -> str:
    other = port + 1 if port < 65535 else 8000
    return f"[{host}]:{other}" if ":" in host else f"{host}:{other}"
