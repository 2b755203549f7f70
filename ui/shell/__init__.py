"""The window around the pages: start-up, the main window with its menus, the session (the open database
and its lock), background tasks, errors, style, opening files, backups and the audit log, the self-test."""
