"""班次: the classes page, the class form with its periods, contacts and rule settings, and what the pages do to a class."""
