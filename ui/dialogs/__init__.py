"""Dialogs and message boxes, built in code."""
