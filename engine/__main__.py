"""`python -m engine` is the `vedtekt` command."""
from .cli import main

main()
