"""Modal screens of the reader: help and export."""
