"""No models: this app holds the project's settings, URLs, permissions and dashboard. Its migrations
created and then removed the old data-version table (0001, 0002)."""
