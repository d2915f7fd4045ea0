"""Models of the goals app; they arrive with the goals issue."""
