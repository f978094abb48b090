"""Reading the files: YAML with line numbers, front matter, discovery of content files, the build clock."""
