"""Everything the build generates: pages, data outputs and editor files, from the validated arena."""
