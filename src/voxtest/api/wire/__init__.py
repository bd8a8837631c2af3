"""Request and response models that match Cekura's reference OpenAPI field for field."""
