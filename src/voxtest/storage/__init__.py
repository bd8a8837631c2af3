"""Persistence: async engine from settings, typed tables, Alembic migrations, repositories."""
