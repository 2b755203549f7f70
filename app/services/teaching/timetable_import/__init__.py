"""Importing a period's timetable from the Excel that Party schools and hosts send: columns.py finds the
header and its columns, cells.py reads each cell (dates, times, lecturers, forms), rows.py makes each row a
session or says why not, pipeline.py checks the whole file and commits it in one transaction."""
