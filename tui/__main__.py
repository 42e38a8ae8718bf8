"""Allow ``python -m tui`` as well as the ``parallax`` console script."""

from tui.cli import main

raise SystemExit(main())
