"""Importing the trainee lists units send: reader (calamine, text lists) → columns (the header) → values
and check (each cell and row) → plan_checks (the archive and the period) → pipeline (the plan) → commit
(one transaction) → receipt (the workbook back to the unit). marker notes an import that did not finish;
template is the blank list units fill in; word_variants maps the words units write to the standard ones."""
