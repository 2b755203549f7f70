"""The import wizard: a unit's list from file to archive and roster, with a preview of every bad cell."""
