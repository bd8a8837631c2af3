"""Distributed run execution on PostgreSQL with procrastinate (`VOXTEST_JOBS=procrastinate`).

`voxtest serve` and every `voxtest worker` run a `Dispatcher`: it reserves waiting runs within
the request's and the organization's limits (`runs.store.claim(reserve=True)`) and defers one
procrastinate job per run. procrastinate delivers each job to one worker process (LISTEN/NOTIFY,
worker heartbeats, stalled-worker detection); the worker starts the reserved run and plays it
with its `RunHost`. See docs/design/0003-distributed-runs.md.
"""
