"""需求调研: a coming year's needs survey (surveys), the Excel form sent to units (form), their returned files
imported in one step (importer), and the tally the next year's plan is made from (tally)."""
