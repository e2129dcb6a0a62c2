#!/usr/bin/env python3
"""Entry point: python build.py --help"""

try:
    from newsdesk.cli import main
except KeyboardInterrupt:  # Ctrl-C while the libraries load: nothing has run yet
    raise SystemExit(130) from None

if __name__ == "__main__":
    raise SystemExit(main())
