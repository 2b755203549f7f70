"""The pages behind the navigation bar, one module each."""
