"""click's own usage errors in the language of the command line (issue 11: text at the edge), the
usage line's placeholders ([OPTIONS] / [VALG]) included:
bokmål by default, English with --lang en, exit 2, no traceback (engine/cli/click_words.py).

Each case is one kind of usage error click raises (an unknown command or option, a missing
argument or option, a value not among the choices, an option without its value, a number that
is not one or out of range, an extra argument, a file where a folder is wanted; and `review`
without its file, vedtekt's own usage error), with the lines
the user must read in each language: the usage line, the error and, where click or vedtekt finds
one, the «mente du» / «did you mean» suggestion.
"""
from __future__ import annotations

import pytest

from engine.cli.main import main

# click's English and our bokmål: neither may leak into the other language's message
ENGLISH = ("Usage:", "[OPTIONS]", "COMMAND [ARGS]", "Try '", "Error:", "No such", "Missing", "Invalid value", "Did you mean", "did you mean",
           "is not one of", "Got unexpected", "requires an argument", "is not a valid", "is a file")
BOKMAL = ("Bruk:", "[VALG]", "KOMMANDO", "Se '", "Feil:", "Ukjent", "Mangler", "Ugyldig verdi", "mente du",
          "er ikke blant", "Uventet", "trenger en verdi", "er ikke et gyldig", "er en fil")

CASES = {
    "unknown command": (
        ["chek"],
        ["Bruk: vedtekt [VALG] KOMMANDO [ARGUMENTER]...", "Se 'vedtekt --help' for hjelp.",
         "Feil: Ukjent kommando 'chek'. (mente du: 'check'?)"],
        ["Usage: vedtekt [OPTIONS] COMMAND [ARGS]...", "Try 'vedtekt --help' for help.",
         "Error: No such command 'chek'. (did you mean: 'check'?)"]),
    "unknown subcommand": (
        ["authority", "shw"],
        ["Bruk: vedtekt authority [VALG] KOMMANDO [ARGUMENTER]...", "Feil: Ukjent kommando 'shw'. (mente du: 'show'?)"],
        ["Usage: vedtekt authority [OPTIONS] COMMAND [ARGS]...", "Error: No such command 'shw'. (did you mean: 'show'?)"]),
    "unknown option": (
        ["check", "--bogus", "x.yaml"],
        ["Bruk: vedtekt check [VALG] PATHS...", "Se 'vedtekt check --help' for hjelp.",
         "Feil: Ukjent valg '--bogus'."],
        ["Usage: vedtekt check [OPTIONS] PATHS...", "Try 'vedtekt check --help' for help.",
         "Error: No such option '--bogus'."]),
    "misspelt option": (
        ["check", "--formt", "json", "x.yaml"],
        ["Feil: Ukjent valg '--formt'. (mente du: '--format'?)"],
        ["Error: No such option '--formt'. (did you mean: '--format'?)"]),
    "missing argument": (
        ["check"],
        ["Bruk: vedtekt check [VALG] PATHS...", "Feil: Mangler argumentet 'PATHS...'."],
        ["Usage: vedtekt check [OPTIONS] PATHS...", "Error: Missing argument 'PATHS...'."]),
    "missing option": (
        ["authority", "show"],
        ["Bruk: vedtekt authority show [VALG]", "Feil: Mangler valget '--date'."],
        ["Usage: vedtekt authority show [OPTIONS]", "Error: Missing option '--date'."]),
    "value not a choice": (
        ["check", "x.yaml", "--format", "jsn"],
        ["Feil: Ugyldig verdi for '--format': 'jsn' er ikke blant 'text', 'json', 'markdown', 'html'. "
         "(mente du: json?)"],
        ["Error: Invalid value for '--format': 'jsn' is not one of 'text', 'json', 'markdown', 'html'. "
         "(did you mean: json?)"]),
    "option without its value": (
        ["explain", "quorum", "--format"],
        ["Feil: Valget '--format' trenger en verdi."],
        ["Error: Option '--format' requires an argument."]),
    "not a number": (
        ["rotation", "--from", "abc"],
        ["Bruk: vedtekt rotation [VALG]", "Feil: Ugyldig verdi for '--from': 'abc' er ikke et gyldig tall."],
        ["Usage: vedtekt rotation [OPTIONS]", "Error: Invalid value for '--from': 'abc' is not a valid number."]),
    "number out of range": (
        ["rotation", "--from", "1800"],
        ["Feil: Ugyldig verdi for '--from': 1800 er utenfor området 1900<=x<=2200."],
        ["Error: Invalid value for '--from': 1800 is not in the range 1900<=x<=2200."]),
    "review without its file": (  # vedtekt's own usage error, shown as click shows its own
        ["review"],
        ["Bruk: vedtekt review [VALG] FILE",
         "Feil: oppgi FILE (utkastet: Markdown, tekst, .docx eller vedtektsfil .yaml), eller --list-checks for kontrollene"],
        ["Usage: vedtekt review [OPTIONS] FILE",
         "Error: give FILE (the draft: Markdown, text, .docx or a bylaws file .yaml), or --list-checks for the checks"]),
    "extra argument": (
        ["explain", "quorum", "extra"],
        ["Bruk: vedtekt explain [VALG] [RULE]", "Feil: Uventet argument i tillegg (extra)"],
        ["Usage: vedtekt explain [OPTIONS] [RULE]", "Error: Got unexpected extra argument (extra)"]),
}


def run(capsys, args: list[str]) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exit_:
        main(args)
    captured = capsys.readouterr()
    assert captured.out == ""
    return exit_.value.code, captured.err


def in_english(args: list[str]) -> list[str]:
    """`args` with --lang en, before a last option that waits for its value (it would take «--lang»)."""
    if args[-1].startswith("--"):
        return [*args[:-1], "--lang", "en", args[-1]]
    return [*args, "--lang", "en"]


def assert_worded(err: str, lines: list[str], foreign: tuple[str, ...]) -> None:
    assert "Traceback" not in err
    for line in lines:
        assert line in err.splitlines(), (line, err)
    assert [w for w in foreign if w in err] == [], err


@pytest.mark.parametrize("case", CASES)
def test_a_usage_error_is_bokmal_by_default(capsys, case):
    args, bokmal, _ = CASES[case]
    code, err = run(capsys, args)
    assert code == 2
    assert_worded(err, bokmal, ENGLISH)


@pytest.mark.parametrize("case", CASES)
def test_a_usage_error_is_english_with_lang_en(capsys, case):
    args, _, english = CASES[case]
    code, err = run(capsys, in_english(args))
    assert code == 2
    assert_worded(err, english, BOKMAL)


@pytest.mark.parametrize("lang, option, expected", [("nb", [], "'{path}' er en fil, ikke en mappe."),
                                                    ("en", ["--lang", "en"], "'{path}' is a file, not a folder.")])
def test_a_file_where_a_folder_is_wanted(tmp_path, capsys, lang, option, expected):
    a_file = tmp_path / "a-file"
    a_file.write_text("", encoding="utf-8")
    code, err = run(capsys, ["examples", str(a_file), *option])
    assert code == 2 and err.splitlines()[-1].endswith(expected.format(path=a_file)), err


def test_click_speaks_english_again_after_the_command():
    """The translation holds for one command: a program that uses click after main() gets click's own."""
    import click.exceptions

    with pytest.raises(SystemExit):
        main(["chek"])
    assert click.exceptions.NoSuchOption("--x").format_message() == "No such option '--x'."


def test_the_version_line_is_worded_from_the_catalogue(capsys):
    """click's version_option words its line at import, before the language is known; vedtekt's
    own --version says it in bokmål, with the installed version."""
    from importlib.metadata import version

    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    out = capsys.readouterr().out
    assert exit_info.value.code == 0 and out == f"vedtekt, versjon {version('vedtekt')}\n"


def test_every_command_words_its_usage_line():
    """Every command and group reachable from `vedtekt` builds its usage line through the catalogue
    (click_words.WordedCommand / WordedGroup): a new command that forgot would print «[OPTIONS]»."""
    import click

    from engine.cli.click_words import WordedCommand, WordedGroup
    from engine.cli.main import cli

    def commands(group, ctx):
        for name in group.list_commands(ctx):
            command = group.get_command(ctx, name)
            yield command
            if isinstance(command, click.Group):
                yield from commands(command, click.Context(command, parent=ctx))

    found = list(commands(cli, click.Context(cli)))
    assert len(found) > 20 and isinstance(cli, WordedGroup)
    assert [c.name for c in found if not isinstance(c, (WordedCommand, WordedGroup))] == []
