"""Keeping the office's data safe: checked backups and restores (backups), who did what (audit), the log of
unforeseen failures (error_log), and the guards that refuse hostile spreadsheets before any parser sees
them (spreadsheet_guard, xls_guard)."""
