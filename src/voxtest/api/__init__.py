"""The HTTP API: app factory, auth, DRF-compatible errors and pagination, resource routes."""
