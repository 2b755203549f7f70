"""The import wizard's pages, in order: the ids QWizard knows them by."""
FILE, COLUMNS, UNITS, PREVIEW, FINISH = range(5)
