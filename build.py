#!/usr/bin/env python3
"""Entry point: python build.py --help"""

from newsdesk.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
