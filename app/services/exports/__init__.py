"""What leaves the program as files for other programs: workbooks (xlsx: the shared writer; tables: any
list the window shows; roster: a period's trainees) and the command line's JSON records (records)."""
