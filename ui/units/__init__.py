"""单位: the units page and the unit form."""
