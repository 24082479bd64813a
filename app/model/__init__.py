"""Record kinds shared by the store, the sync protocol and the reference server."""
