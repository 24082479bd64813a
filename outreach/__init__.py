"""The product's launcher: the one place that wires the core (``app``), the screens (``ui``) and sync
(``sync``) together. ``outreach-desk`` and ``python -m outreach`` both run ``outreach.desk:main``."""
