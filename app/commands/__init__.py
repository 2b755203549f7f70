"""The command line's commands, one module per area; each module has register(commands, common).

A handler is set with `sub.set_defaults(handler=fn)`: fn(db, args) -> exit code, called with the
database open; add `opens_db=False` for handlers that take (args) and open files themselves.
"""
