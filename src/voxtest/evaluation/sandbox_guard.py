"""The in-process guard of the custom-code sandbox: refuse what a metric never needs.

Installed in the sandbox child just before user code runs. An audit hook (`sys.addaudithook`,
PEP 578) watches every audited operation and stops the metric on the first use of the
network, another program or process, native code (ctypes), signals, resource limits, the
garbage collector's object lists, or a file outside the allowed places: reading the standard
library and the work directory, writing the work directory only. `socket.socket` and the
module's other constructors and look-ups are replaced as well, and `ssl` cannot be imported.

What it guarantees: clear, early explanations ("tried to read /etc/passwd") for code that
uses Python's own APIs. What it does not: it is not a security boundary. Code in the same
interpreter can reach the guard's state through frames and change it, and C code that raises
no audit event is not seen. The boundary is the operating-system layers (`sandbox_confine`).
"""

from __future__ import annotations

import os
import socket
import sys

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (~3 ms)

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import Any, NoReturn

    # called with (what the code tried, the audit event); ends the sandbox, never returns
    Refuse = Callable[[str, str], NoReturn]

NETWORK = "use the network"
_BY_EVENT = {
    "subprocess.Popen": "start another program",
    "os.system": "start another program",
    "os.exec": "start another program",
    "os.posix_spawn": "start another program",
    "os.spawn": "start another program",
    "pty.spawn": "start another program",
    "webbrowser.open": "start another program",
    "os.fork": "start a new process",
    "os.forkpty": "start a new process",
    "os.kill": "send a signal to another process",
    "os.killpg": "send a signal to another process",
    "signal.pthread_kill": "send a signal to another process",
    "resource.setrlimit": "change its resource limits",
    "resource.prlimit": "change its resource limits",
    "gc.get_objects": "list the interpreter's objects",
    "gc.get_referrers": "list the interpreter's objects",
    "gc.get_referents": "list the interpreter's objects",
    "urllib.Request": NETWORK,
}
_BY_PREFIX = {
    "socket.": NETWORK,
    "http.client.": NETWORK,
    "ftplib.": NETWORK,
    "smtplib.": NETWORK,
    "imaplib.": NETWORK,
    "poplib.": NETWORK,
    "nntplib.": NETWORK,
    "telnetlib.": NETWORK,
    "ctypes.": "load native code (ctypes)",
}
_READS = {"os.listdir", "os.scandir", "os.chdir", "os.listxattr", "os.getxattr"}
_WRITES = {
    "os.chmod",
    "os.chown",
    "os.link",
    "os.mkdir",
    "os.remove",
    "os.rename",
    "os.rmdir",
    "os.symlink",
    "os.truncate",
    "os.utime",
    "os.setxattr",
    "os.removexattr",
}
_TWO_PATHS = {"os.link", "os.rename", "os.symlink"}
_FORBIDDEN_IMPORTS = {"ctypes", "_ctypes"}
_NETWORK_IMPORTS = {"ssl", "_ssl"}
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


class Guard:
    """The audit hook: `read_roots` may be read, `write_root` read and written."""

    def __init__(self, read_roots: Sequence[str], write_root: str, refuse: Refuse) -> None:
        self._read_roots = tuple(os.path.realpath(root) for root in (*read_roots, write_root))
        self._write_root = os.path.realpath(write_root)
        self._refuse = refuse

    def __call__(self, event: str, args: tuple[Any, ...]) -> None:
        what = _BY_EVENT.get(event) or next(
            (what for prefix, what in _BY_PREFIX.items() if event.startswith(prefix)), None
        )
        if what:
            self._refuse(what, event)
        elif event == "import":
            self._check_import(str(args[0]))
        elif event == "open":
            self._check_open(args)
        elif event in _READS:
            self._check_path(args[0], write=False, event=event)
        elif event in _WRITES:
            self._check_path(args[0], write=True, event=event)
            if event in _TWO_PATHS:
                self._check_path(args[1], write=True, event=event)

    def _check_import(self, module: str) -> None:
        if module in _FORBIDDEN_IMPORTS:
            self._refuse("load native code (ctypes)", "import")
        if module in _NETWORK_IMPORTS:
            raise ImportError(f"{module} is not available: custom code has no network access")

    def _check_open(self, args: tuple[Any, ...]) -> None:
        path, mode, flags = args
        writing = any(c in str(mode or "") for c in "wax+") or bool((flags or 0) & _WRITE_FLAGS)
        self._check_path(path, write=writing, event="open")

    def _check_path(self, path: Any, *, write: bool, event: str) -> None:
        if path is None:
            path = "."
        if isinstance(path, int):  # an already open descriptor: it was checked when opened
            return
        full = os.path.realpath(os.path.join(os.getcwd(), os.fsdecode(path)))
        roots = (self._write_root,) if write else self._read_roots
        inside = any(full == root or full.startswith(root + os.sep) for root in roots)
        if not inside or "site-packages" in full.split(os.sep):
            self._refuse(f"{'write' if write else 'read'} {full}", event)


def install(read_roots: Sequence[str], write_root: str, refuse: Refuse) -> None:
    """Replace the socket module's entry points and add the audit hook (for good)."""
    for name in (
        "socket",
        "socketpair",
        "fromfd",
        "create_connection",
        "create_server",
        "getaddrinfo",
        "gethostbyname",
        "gethostbyname_ex",
        "gethostbyaddr",
        "getnameinfo",
    ):
        setattr(socket, name, _refusing(refuse, f"socket.{name}"))
    sys.addaudithook(Guard(read_roots, write_root, refuse))


def _refusing(refuse: Refuse, event: str) -> Callable[..., NoReturn]:
    def refused(*args: Any, **kwargs: Any) -> NoReturn:
        refuse(NETWORK, event)

    return refused
