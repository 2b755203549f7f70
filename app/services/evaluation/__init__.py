"""质量评估 of periods: the office's questionnaire templates (templates), a period's evaluation with its frozen
questions and the lines a trainee answers (forms), the Excel form trainees fill in (workbook), importing the
returned files (importer), and the results per period, session, lecturer, class and year (results)."""
