"""Helpers for running voxtest for real: a server process, free ports, scratch databases.

Used by the demo, the benchmarks and the tests; public so that users' own CI can do the same.
"""

from voxtest.testing.postgres import scratch_database
from voxtest.testing.processes import ServerProcess, free_port, serve

__all__ = ["ServerProcess", "free_port", "scratch_database", "serve"]
