"""Bodies (cơ quan), their units (đơn vị), people and their roles."""
