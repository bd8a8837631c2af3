"""The dashboard: a read-only web view of results, runs, agents and scenarios.

Static files (no build step) served by the API process at `/ui/`; the page signs in with an
API key kept in the browser's session storage and reads the same public API as any client.
"""
