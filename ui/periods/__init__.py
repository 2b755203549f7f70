"""期次: every period of the office in one list, the clerk's way into a period's roster."""
