"""Wire formats voxtest speaks with agents under test."""
