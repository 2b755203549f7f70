"""帮助: the user manual (its chapters on disk, the window that shows them) and the first-start welcome."""
