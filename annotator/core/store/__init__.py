"""The store: the only package that knows table names and SQL."""
