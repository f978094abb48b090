"""mkdocs.yml read as MkDocs reads it (YAML 1.1, !ENV), without MkDocs: `extra` and its lines.

Only `extra` is constructed, so tags elsewhere in the file are never evaluated.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from .yamlsource import YamlDocument


def settings_document(config_file: Path) -> YamlDocument:
    """mkdocs.yml's node tree, for the lines of problems in settings MkDocs has loaded."""
    try:
        return read_extra(config_file)[1]
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return YamlDocument(data=None)


def read_extra(config_file: Path) -> tuple[Any, YamlDocument]:
    """`extra` as MkDocs reads it (YAML 1.1, !ENV), and the file's node tree for line numbers.

    Only `extra` is constructed: tags elsewhere (Material's !!python/name for
    emoji, for example) are never evaluated.
    """
    loader = _ConfigLoader(Path(config_file).read_text(encoding="utf-8-sig"))
    try:
        root = loader.get_single_node()
        extra = None
        if isinstance(root, yaml.MappingNode):
            node = next((value for key, value in root.value if key.value == "extra"), None)
            extra = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return extra, YamlDocument(data=extra, root=root)


class _ConfigLoader(yaml.SafeLoader):
    """MkDocs' YAML: the safe loader plus !ENV; other tags keep their plain value."""


def _env_tag(loader: _ConfigLoader, node: yaml.Node) -> Any:
    # As MkDocs (pyyaml_env_tag): `!ENV NAME` or `!ENV [NAME, OTHER, default]`; a set variable is read as a
    # plain YAML scalar (true, 3, text).
    names, default = [], None
    if isinstance(node, yaml.ScalarNode):
        names = [loader.construct_scalar(node)]
    elif isinstance(node, yaml.SequenceNode):
        children = node.value
        if len(children) > 1:
            default, children = loader.construct_object(children[-1]), children[:-1]
        names = [loader.construct_scalar(child) for child in children]
    for name in names:
        value = os.environ.get(str(name))
        if value is not None:
            tag = loader.resolve(yaml.ScalarNode, value, (True, False))
            return loader.construct_object(yaml.ScalarNode(tag, value))
    return default


def _untagged(loader: _ConfigLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_scalar(node)


_ConfigLoader.add_constructor("!ENV", _env_tag)
_ConfigLoader.add_constructor(None, _untagged)
