"""Rewrite the initial migration from the table definitions (pre-release only).

Until the first release the schema has one migration, 0001; after it, changes get new
revisions with `alembic revision --autogenerate` semantics instead.

    python scripts/regen_migration.py
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from voxtest.storage.migrate import MIGRATIONS, alembic_config

TARGET = MIGRATIONS / "versions" / "0001_initial_schema.py"


def main() -> None:
    TARGET.unlink(missing_ok=True)
    engine = create_engine("sqlite://")
    with engine.begin() as conn:
        command.revision(
            alembic_config(conn), message="initial schema", autogenerate=True, rev_id="0001"
        )
    text = TARGET.read_text()
    text = text.replace("astext_type=Text()", "astext_type=sa.Text()")
    text = "\n".join(
        line
        for line in text.splitlines()
        if "### commands auto generated" not in line and "### end Alembic commands" not in line
    )
    lines = text.splitlines()
    lines = [("Create Date: 2026-11-23" if ln.startswith("Create Date:") else ln) for ln in lines]
    TARGET.write_text("\n".join(lines) + "\n")
    ruff = Path(sys.executable).parent / "ruff"
    subprocess.run([str(ruff), "format", "-q", str(TARGET)], check=True)
    subprocess.run([str(ruff), "check", "--fix", "-q", str(TARGET)], check=False)
    print(f"rewrote {TARGET}")


if __name__ == "__main__":
    main()
