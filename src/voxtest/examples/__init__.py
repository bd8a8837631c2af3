"""Example agents under test, shipped for demos, tutorials and voxtest's own tests."""
