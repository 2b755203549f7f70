"""A unit's own classes (单位自办), filed with the office from the unit's sheet."""
