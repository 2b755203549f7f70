"""The office's things and rules as plain dataclasses and functions."""
