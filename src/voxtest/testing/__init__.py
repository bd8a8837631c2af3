"""Helpers for running voxtest for real: a server process, free ports, scratch databases.

Used by the demo, the benchmarks and the tests; public so that users' own CI can do the same.
"""

from voxtest.testing.postgres import scratch_database
from voxtest.testing.processes import (
    ServerProcess,
    example_chat_agent,
    example_voice_agent,
    free_port,
    serve,
    worker,
)

__all__ = [
    "ServerProcess",
    "example_chat_agent",
    "example_voice_agent",
    "free_port",
    "scratch_database",
    "serve",
    "worker",
]
