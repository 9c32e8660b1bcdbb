"""`python -m engine` is the `vedtekt` command."""
from engine.cli.main import main

main()
