"""``python build.py [PROJECT_DIR] [-o OUT.pdf]`` — the same as ``pressroom build``."""

import sys

from pressroom.cli import main

if __name__ == "__main__":
    sys.exit(main(["build", *sys.argv[1:]]))
