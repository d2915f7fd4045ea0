"""No Django models: the data-version table and its triggers are plain SQL (migration 0001,
taskforce/dataversion.py). This module exists so Django sends this app the post_migrate signal."""
