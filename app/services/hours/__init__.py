"""学时: each person's ledger against the rank requirements (ledger), the rules as settings (settings), and
hours imported from the sheets units send (columns finds the header, importer checks and writes)."""
