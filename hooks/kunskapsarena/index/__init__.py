"""The validated arena: records by type and slug, the cross-reference graph."""
