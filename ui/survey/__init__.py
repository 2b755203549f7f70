"""需求调研: the needs survey's window, its import dialog, and the tally pane beside the plan editor."""
