"""Importing the trainee lists units send, one way through: reader (calamine, text lists; after the
safety guards) → columns (the header) → cells and check (each cell and row) → plan (what will be done) and
plan_checks (against the archive and the period) → pipeline (analyse, import_file) → commit (one
transaction) → receipt (the workbook back to the unit). marker notes an import that did not finish;
template is the blank list units fill in; word_variants maps the words units write to the standard ones."""
