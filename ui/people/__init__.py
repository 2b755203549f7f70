"""学员: the people page, a person's form, record and hours."""
