"""The MkDocs + Material adapter: the `arena` command, the build and everything engine-specific.

The hook files MkDocs loads by path (hooks/mkdocs_hooks.py, hooks/parallel_pages.py) use it.
The core (kunskapsarena/) never imports MkDocs or Material.
"""

from kunskapsarena.model.engine import use_engine

from .material import MaterialEngine

# Whatever enters through the adapter (the hooks, the `arena` command) builds for Material.
use_engine(MaterialEngine())
