"""The operating-system layers of the custom-code sandbox, applied inside the child process.

Runs in the sandbox child (`sandbox_child`), before any user code, with the standard library
only. In order:

1. `enter_namespaces`: `unshare(2)` (via ctypes: `os.unshare` is Python 3.12+) into new
   network, mount and PID namespaces; as root directly, otherwise inside a new user namespace
   that maps only the caller's own uid and gid. Unavailable under a seccomp profile or without
   the privilege (Docker's default profile, for one): the sandbox then runs without them and
   says so in its layers report.
2. The caller forks (`sandbox_child`): the child is PID 1 of the new PID namespace, so it
   cannot address the service's processes (or other sandboxes') by PID, and `kill(-1)` only
   reaches itself.
3. `build_root`: in the private mount namespace, a size-limited tmpfs over the empty temp dir,
   the standard library (and the zoneinfo database) bind-mounted read-only, nosuid, nodev at
   their own paths, an empty `/work`, then `chroot` into it. Nothing else of the host's files
   exists there: no `/etc`, no `/proc`, no VOXTEST_HOME, no site-packages.
4. `drop_privileges`: as root, to `nobody` (65534) with no supplementary groups, which clears
   every capability; in a user namespace, all capabilities cleared with `capset`. Then
   `no_new_privs` and a parent-death signal (SIGKILL).
5. `set_limits`: RLIMIT_CPU, RLIMIT_AS, RLIMIT_NOFILE, RLIMIT_FSIZE, RLIMIT_NPROC = 0 (no
   process or thread can be created), RLIMIT_CORE = 0.

Without namespaces (step 1 failed) only steps 4 and 5 apply: as `nobody` the code can still
read world-readable host files, which the in-process guard (`sandbox_guard`) then refuses.
"""

from __future__ import annotations

import ctypes
import os
import resource
import signal
import sys

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (~3 ms)

if TYPE_CHECKING:  # the child imports as little as it can: it starts for every metric
    from collections.abc import Iterable
    from typing import Any

CLONE_NEWNS = 0x00020000
CLONE_NEWUSER = 0x10000000
CLONE_NEWPID = 0x20000000
CLONE_NEWNET = 0x40000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 0x1, 0x2, 0x4, 0x8
MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = 0x20, 0x1000, 0x4000, 0x40000
PR_SET_PDEATHSIG, PR_SET_NO_NEW_PRIVS = 1, 38
CAPABILITY_VERSION_3 = 0x20080522
NOBODY = 65534
WORK_DIR = "/work"


class Layers:
    """Which operating-system layers are in force; reported to the parent with the result."""

    def __init__(self) -> None:
        self.network_namespace = False
        self.pid_namespace = False
        self.user_namespace = False
        self.filesystem = False  # chroot into a tmpfs holding only the stdlib, read-only
        self.unprivileged = False  # nobody, or no capabilities left in the user namespace
        self.rlimits = False

    def as_dict(self) -> dict[str, bool]:
        return dict(vars(self))


def _libc() -> Any:
    return ctypes.CDLL(None, use_errno=True)


def _checked(result: int, what: str) -> None:
    if result != 0:
        errno = ctypes.get_errno()
        raise OSError(errno, f"{what}: {os.strerror(errno)}")


def enter_namespaces(layers: Layers) -> None:
    """New network, mount and PID namespaces for this process's children, when allowed."""
    libc = _libc()
    uid, gid = os.geteuid(), os.getegid()
    own = CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWPID
    attempts = [own, own | CLONE_NEWUSER] if uid == 0 else [own | CLONE_NEWUSER]
    for flags in attempts:
        if libc.unshare(flags) != 0:
            continue
        if flags & CLONE_NEWUSER:
            _write("/proc/self/setgroups", "deny")
            _write("/proc/self/uid_map", f"{uid} {uid} 1")
            _write("/proc/self/gid_map", f"{gid} {gid} 1")
            layers.user_namespace = True
        layers.network_namespace = layers.pid_namespace = True
        return


def _write(path: str, text: str) -> None:
    with open(path, "w") as file:
        file.write(text)


def build_root(base: str, read_only: Iterable[str], disk_bytes: int, owner: int) -> None:
    """Make `base` (an empty directory) the root: a tmpfs with `read_only` dirs bind-mounted
    at their own paths and a writable `/work` owned by `owner`; chroot into it."""
    libc = _libc()
    _checked(libc.mount(None, b"/", None, MS_REC | MS_PRIVATE, None), "private mounts")
    options = f"size={disk_bytes},mode=0755".encode()
    _checked(libc.mount(b"tmpfs", base.encode(), b"tmpfs", MS_NOSUID | MS_NODEV, options), "tmpfs")
    os.umask(0o022)
    for source in read_only:
        target = base + source
        os.makedirs(target, mode=0o755, exist_ok=True)
        _bind_read_only(libc, source, target)
        hidden = os.path.join(target, "site-packages")
        if os.path.isdir(hidden):  # the base interpreter's packages are not the stdlib
            _checked(libc.mount(b"tmpfs", hidden.encode(), b"tmpfs", MS_RDONLY, None), "hide")
    work = base + WORK_DIR
    os.mkdir(work, 0o700)
    os.chown(work, owner, -1)
    os.chroot(base)
    os.chdir(WORK_DIR)


def _bind_read_only(libc: Any, source: str, target: str) -> None:
    _checked(libc.mount(source.encode(), target.encode(), None, MS_BIND | MS_REC, None), source)
    # a remount may not drop the flags the source mount is locked with (in a user namespace)
    inherited = os.statvfs(source).f_flag & (os.ST_NOEXEC | os.ST_NOSUID | os.ST_NODEV)
    locked = MS_NOEXEC if inherited & os.ST_NOEXEC else 0
    flags = MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV | locked
    _checked(libc.mount(None, target.encode(), None, flags, None), f"read-only {source}")


def drop_privileges(layers: Layers) -> None:
    """Leave root (to nobody) or every capability of the user namespace; no way back."""
    libc = _libc()
    if layers.user_namespace:
        _clear_capabilities(libc)
        layers.unprivileged = True
    elif os.geteuid() == 0:
        os.setgroups([])
        os.setresgid(NOBODY, NOBODY, NOBODY)
        os.setresuid(NOBODY, NOBODY, NOBODY)  # from uid 0 to non-zero: capabilities cleared
        layers.unprivileged = True
    else:
        layers.unprivileged = True  # an ordinary user already; nothing more to give up
    _checked(libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "no_new_privs")
    # after the credentials changed (a change resets it): die with the supervisor
    _checked(libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0), "parent-death signal")


class _CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _CapData(ctypes.Structure):
    _fields_ = [
        ("effective", ctypes.c_uint32),
        ("permitted", ctypes.c_uint32),
        ("inheritable", ctypes.c_uint32),
    ]


def _clear_capabilities(libc: Any) -> None:
    header = _CapHeader(CAPABILITY_VERSION_3, 0)
    empty = (_CapData * 2)()
    _checked(libc.capset(ctypes.byref(header), empty), "capset")


def set_limits(
    *, cpu_seconds: int, memory_bytes: int, open_files: int, file_bytes: int, layers: Layers
) -> None:
    """Resource limits of this process (and the soft CPU limit's SIGXCPU one second early)."""
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    resource.setrlimit(resource.RLIMIT_NOFILE, (open_files, open_files))
    resource.setrlimit(resource.RLIMIT_FSIZE, (file_bytes, file_bytes))
    resource.setrlimit(resource.RLIMIT_NPROC, (0, 0))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    layers.rlimits = True


def forget_ctypes() -> None:
    """Drop ctypes from the interpreter before user code runs (re-importing it is refused)."""
    for name in [n for n in sys.modules if n == "ctypes" or n.startswith(("ctypes.", "_ctypes"))]:
        del sys.modules[name]
