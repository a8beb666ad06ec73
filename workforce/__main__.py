"""Entry point for ``python -m workforce``."""

from workforce.cli import main

raise SystemExit(main())
