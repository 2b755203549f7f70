"""The SQLite file (or an office's PostgreSQL server) and the only place SQL is written: connections,
migrations, backups, and the named queries of each area, which services combine.

- db.py (connections, the file's checks), migrations.py, lock.py, backup.py, filesystem.py: the file;
- dialect.py: every statement only SQLite understands (PRAGMAs, instr, json_each, group_concat, julianday,
  CROSS JOIN); everything else is written in the SQL PostgreSQL also accepts;
- postgres.py (the server's connection, psycopg imported only there, and only when a postgresql://
  database is opened), postgres_schema.py (its identity and migrations) and dialect_postgres.py (the server's answers to dialect.py);
- records.py and tables.py: one generic Table of dataclasses per table (get, all, insert, update, delete);
  its `where` and `count` take SQL conditions and are used here only;
- conditions.py: conditions shared by many queries (a trainee holding a seat, a closed period, the live
  periods), built from app/domain/status.py;
- one module per area: plans, classes, periods, roster, quotas, attendance, people (search), people_bulk
  (imports), units, words, hours, calendar, stats, summaries, trainees (documents), certificates, audit,
  settings. They return records, read rows (PeriodRow …, a record with what the lists join to it) or small
  dataclasses of their own.
"""
