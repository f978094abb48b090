"""The generated pages: each content type's pages, vocabularies, contacts, explorer, print deck."""
