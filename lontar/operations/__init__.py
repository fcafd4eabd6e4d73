"""Operating an installation: backup, restore and their nightly rotation (docs/operations.md)."""
