"""质量评估 in the window: the 评估 tab of a period's window, the questionnaire template editor, the import of
returned questionnaires and the year's evaluations (from the 统计 page)."""
