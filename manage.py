#!/usr/bin/env python
from lontar.cli import main

if __name__ == "__main__":
    main()
