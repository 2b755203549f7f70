"""The attendance grid of a period and its close-out."""
