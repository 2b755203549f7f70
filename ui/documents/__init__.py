"""文书打印: the print centre, one-click printing from other windows, printing PDFs, document settings."""
