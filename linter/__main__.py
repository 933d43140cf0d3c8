"""Allow ``python -m linter`` as an alias of the ``disclint`` command."""

from linter.cli import main

main()
