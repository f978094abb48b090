"""Files for editors: Decap CMS configuration, JSON Schema, field reference, new-item scaffold."""
