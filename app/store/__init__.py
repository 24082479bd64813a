"""The SQLCipher store: open/verify (engine), schema (tables), migrations, audit chain, records (the only write
path) and sync bookkeeping (sync_state). Only the core imports it (a layering contract in pyproject.toml)."""
