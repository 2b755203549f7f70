"""The command line's commands, one module per area; each module has register(commands, common).

A handler is set with `sub.set_defaults(handler=fn)`: fn(db, args) -> exit code, called with the
database open; add `opens_db=False` for handlers that take (args) and open files themselves. A command
that changes anything in the database, the audit log and certificate numbers included, sets `writes=True`
or `writes=fn(args) -> bool`: it then runs holding the one-writer lock (`args.lock`) on a connection that
may write; without it SQLite refuses every write. `creates=True` makes the database when there is none.
"""
