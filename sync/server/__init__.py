"""The reference platform server (docs/SERVER.md): speaks docs/SYNC.md, stores data in SQLite or PostgreSQL."""

from sync.server.app import create_app
from sync.server.seed import DEMO_PASSWORD, add_area, add_user, seed_demo
from sync.server.stats import server_stats

__all__ = ["create_app", "server_stats", "seed_demo", "add_user", "add_area", "DEMO_PASSWORD"]
