"""Read-only queries the views run (no Qt): each takes the Collection's Records and returns plain data."""
