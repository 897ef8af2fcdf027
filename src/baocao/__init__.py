"""baocao: periodic reports of Vietnamese public bodies."""

__version__ = "0.1.0"
