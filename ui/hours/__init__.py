"""学时: importing hours from a sheet, and the hours rules as settings."""
