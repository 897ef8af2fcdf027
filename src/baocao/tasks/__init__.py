"""Focus tasks: part B of an issued report turned into assignments tracked next period."""
