"""The SQLite file: connections, migrations, backups and the queries that read and write records."""
