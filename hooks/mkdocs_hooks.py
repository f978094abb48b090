"""MkDocs hook file (mkdocs.yml `hooks:`): the adapter (kunskapsarena_mkdocs/hooks.py): validation, generated pages, sanitising, CSP.

MkDocs loads hook files by path and runs them again for every configuration it
loads (`mkdocs serve` at each rebuild); reloading the module keeps that: each
load starts with fresh module state, as when the code lived in this file.
"""

import importlib
import sys

_MODULE = "kunskapsarena_mkdocs.hooks"
_adapter = importlib.reload(sys.modules[_MODULE]) if _MODULE in sys.modules else importlib.import_module(_MODULE)

# MkDocs registers every on_<event> attribute of this module.
globals().update({name: getattr(_adapter, name) for name in dir(_adapter) if name.startswith("on_")})
