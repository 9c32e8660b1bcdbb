"""`python -m engine` is the `vedtekt` command (signals are caught before the heavy imports)."""
from engine.cli.entry import main

main()
