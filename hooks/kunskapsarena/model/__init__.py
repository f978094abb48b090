"""The content model: field factories, the content types' pydantic models, vocabularies and settings."""
