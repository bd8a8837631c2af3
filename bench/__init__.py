"""Benchmarks: `make bench` (python -m bench). Figures go to docs/benchmarks.md."""
