"""Qt table models, one per list; each is fed rows by its page and never runs SQL."""
