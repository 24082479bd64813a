"""One module per printed form (see app/printing/api.py)."""
