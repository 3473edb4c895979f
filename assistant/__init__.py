"""Chat assistant over Chinese inspection rectification notices (巡察/巡视整改情况通报)."""

__version__ = "0.1.0"
