"""The MkDocs + Material adapter: the `arena` command, the build and everything engine-specific.

The hook files MkDocs loads by path (hooks/mkdocs_hooks.py, hooks/parallel_pages.py) use it.
The core (kunskapsarena/) never imports MkDocs or Material.
"""
