import sys

from kayseri_desktop.cli import main

sys.exit(main())
