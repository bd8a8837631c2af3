"""API keys (hashed at rest) and the box that encrypts stored credentials."""
