"""Pages of the registry: directory, organizations, committees, eligibility."""
