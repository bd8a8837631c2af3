"""Business logic behind the API: validation, persistence and serialization of resources."""
