"""Models of the reports app; they arrive with the reports issue."""
