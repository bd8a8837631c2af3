"""The `voxtest` command."""
