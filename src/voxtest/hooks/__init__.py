"""Webhooks, schedules and notifications: what every voxtest process does in the background
besides runs (see docs/design/0007-webhooks-and-schedules.md).

- `send`: one attempt over HTTP (URL checked when dialled) or SMTP.
- `deliverer`: claims due outbox rows (`services.outbox`) and records each attempt.
- `scheduler`: fires due cron jobs (exactly one process each), alerts and daily reports.
- `background`: both loops, started with the app and with `voxtest worker`.
"""
