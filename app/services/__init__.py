"""Use cases shared by the window and the command line; each takes a sqlite-utils Database."""
