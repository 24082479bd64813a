"""Sync between the laptop and the provincial platform: ``sync.client`` (laptop side) and ``sync.server``
(the reference platform server). The wire protocol is docs/SYNC.md."""
