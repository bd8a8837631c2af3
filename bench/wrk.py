"""Drive load with wrk (C, event loop) so the client does not steal the server's CPU."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


@dataclass(frozen=True)
class LoadResult:
    requests_per_second: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    non_2xx: int
    errors: int


def wrk_path() -> str:
    path = shutil.which("wrk")
    if path is None:
        raise SystemExit("wrk is not installed: `make bench` installs it (apt-get install wrk)")
    return path


def run_wrk(
    url: str,
    headers: dict[str, str],
    *,
    seconds: int,
    connections: int = 32,
    threads: int = 1,
    method: str = "GET",
    body: str | None = None,
) -> LoadResult:
    lua = [f'wrk.method = "{method}"']
    for k, v in headers.items():
        lua.append(f'wrk.headers["{k}"] = "{v}"')
    if body is not None:
        escaped = body.replace("\\", "\\\\").replace('"', '\\"')
        lua.append(f'wrk.body = "{escaped}"')
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "req.lua"
        script.write_text("\n".join(lua) + "\n")
        out = subprocess.run(
            [
                wrk_path(),
                f"-t{threads}",
                f"-c{connections}",
                f"-d{seconds}s",
                "--latency",
                "-s",
                str(script),
                url,
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    return _parse(out)


def _ms(value: str) -> float:
    m = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value)
    if not m:
        raise ValueError(f"unexpected wrk latency {value!r}")
    return float(m.group(1)) * _UNITS[m.group(2)]


def _parse(out: str) -> LoadResult:
    def pct(p: str) -> float:
        m = re.search(rf"^\s+{p}%\s+(\S+)", out, re.M)
        if not m:
            raise ValueError(f"wrk output has no {p}% line:\n{out}")
        return _ms(m.group(1))

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    return LoadResult(
        requests_per_second=rps,
        p50_ms=pct("50"),
        p90_ms=pct("90"),
        p99_ms=pct("99"),
        non_2xx=int(non2xx.group(1)) if non2xx else 0,
        errors=sum(int(g) for g in errors.groups()) if errors else 0,
    )
