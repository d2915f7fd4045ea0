"""Models of the meetings app; they arrive with the meetings issue."""
