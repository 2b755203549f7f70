"""What a migration needs beyond SQL, frozen as it stood when the migration shipped, one module per migration.

Never edited: a file upgraded today must come out as it would have when the migration was new, whatever the
live code (app/domain) has become since. Nothing here imports the rest of app.
"""
