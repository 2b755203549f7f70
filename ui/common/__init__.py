"""What every feature uses: the record table model, form fields, widgets, messages, charts, the PDF preview."""
