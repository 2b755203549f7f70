"""The plan editor: the plan's fields, its headings and numbered work points, contacts and warnings."""
