"""Form building blocks: fields bound to a record's attributes, with a message under each."""
