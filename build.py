"""Entry point: `python build.py [command] [options]` (see README)."""

import sys

from minutebook.cli import main

if __name__ == "__main__":
    sys.exit(main())
