"""The steps of ``disclint check``, one function each, so that the command
itself reads as the list of them (linter.cli.check): options checked, inputs
guarded against being overwritten, the plan made, files linted, baseline
written or applied, report rendered and written.

Each step that meets a user's mistake says so in one line and exits 2.
"""

from __future__ import annotations

import os
import sys

import click

from linter import __version__


def say(lang: str, zh: str, en: str) -> str:
    return f"disclint: {en}" if lang == "en" else f"disclint：{zh}"


def fail(lang: str, error) -> None:
    """A problem with a file the user named (baseline, --output): one line
    on stderr, exit status 2, no traceback."""
    click.echo(say(lang, error.zh, error.en), err=True)
    sys.exit(2)


def use_color() -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (no-color.org)."""
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def formatters(output_format: str, statistics: bool, baseline_path, write_baseline_path) -> dict:
    """The formatters, after the option combinations are checked."""
    from linter.plugins import all_formatters

    formatters = all_formatters()
    if output_format not in formatters:
        raise click.BadParameter(
            f"unknown format {output_format!r}; choose from {', '.join(sorted(formatters))}",
            param_hint="--format",
        )
    if statistics and output_format != "text":
        raise click.UsageError("--statistics applies to the text format only")
    if baseline_path and write_baseline_path:
        raise click.UsageError("use either --baseline or --write-baseline, not both")
    return formatters


def refuse_inputs_as_outputs(files: list[str], outputs: dict[str, str | None], lang: str) -> None:
    """Never write over an input: an output path that is also an input file
    (the same file, through a link or another spelling too) is refused, as
    is standard input named twice (it can be read only once)."""
    from linter.output import same_file

    if files.count("-") > 1:
        raise click.UsageError("- (standard input) is given more than once; it can be read only once")
    for option, output in outputs.items():
        if not output or output == "-":
            continue
        for path in files:
            if same_file(path, output):
                click.echo(
                    say(lang, f"{option} {output} 是输入文件 {path}，拒绝覆盖输入",
                         f"{option} {output} is the input file {path}; refusing to overwrite an input"),
                    err=True,
                )
                sys.exit(2)


def plan(files: list[str], cli: dict, config_path: str | None):
    """The run plan; a severity set for a rule code that no rule has is a
    configuration error (a typo would otherwise be ignored for ever)."""
    from linter.config import ConfigError
    from linter.plugins import all_rules
    from linter.runplan import plan_run

    plan = plan_run(files, cli, config_path)
    for group in plan.groups:
        known = {rule.code for rule in all_rules(tuple(group.spec.extra_dirs))}
        unknown = sorted(set(group.severity) - known)
        if unknown:
            where = config_path or "the configuration"
            raise ConfigError(where, f"severity.{unknown[0]}: there is no rule {unknown[0]} (see `disclint rules`)")
    return plan


def lint(plan, lang: str, jobs: int):
    from linter.runplan import run_plan

    return run_plan(plan, lang, jobs)


def say_plugin_problems() -> None:
    """Plugins whose hooks raised were left out; say so once, on stderr."""
    from linter.plugins import plugin_problems

    for problem in plugin_problems():
        click.echo(f"disclint: warning: {problem}", err=True)


def load_baseline(baseline_path: str, lang: str):
    from linter import baseline

    try:
        return baseline.load(baseline_path)
    except baseline.BaselineError as exc:
        fail(lang, exc)


def write_baseline(results, write_baseline_path: str, lang: str) -> None:
    from linter import baseline
    from linter.output import OutputError, write_atomically

    recorded = baseline.build(results, write_baseline_path)
    try:
        write_atomically(write_baseline_path, baseline.dumps(recorded))
    except OutputError as exc:
        fail(lang, exc)
    count = sum(len(entries) for entries in recorded["files"].values())
    click.echo(
        say(lang, f"已将 {count} 个问题记录到基线 {write_baseline_path}",
             f"recorded {count} issue(s) in baseline {write_baseline_path}"),
        err=write_baseline_path == "-",
    )
    sys.exit(0)


def apply_baseline(results, accepted, baseline_path: str, lang: str):
    from linter import baseline

    results, hidden = baseline.apply(results, accepted, baseline_path)
    click.echo(
        say(lang, f"基线 {baseline_path} 中已有的 {hidden} 个问题未报告",
             f"{hidden} issue(s) already in baseline {baseline_path} not reported"),
        err=True,
    )
    return results


def emit_report(formatters: dict, output_format: str, results, lang: str, output_path, options: dict) -> None:
    """Render the report and print or write it.  A plugin's formatter that
    raises is named in one line (exit 2), not a traceback."""
    from linter.formatters.text_format import summary_line
    from linter.output import OutputError, write_atomically

    formatter = formatters[output_format]
    try:
        report = formatter(
            results, lang=lang, version=__version__, color=output_path is None and use_color(), **options
        )
        if not isinstance(report, str):
            raise TypeError(f"it returned a {type(report).__name__}, not a str")
    except Exception as exc:  # noqa: BLE001 - a plugin's formatter
        origin = getattr(formatter, "__module__", "?")
        click.echo(f"disclint: error: the {output_format!r} formatter ({origin}) failed: {type(exc).__name__}: {exc}", err=True)
        sys.exit(2)
    if not output_path:
        click.echo(report, nl=False)
        return
    try:
        write_atomically(output_path, report)
    except OutputError as exc:
        fail(lang, exc)
    written = f"report written to {output_path}" if lang == "en" else f"报告已写入 {output_path}"
    click.echo(summary_line(results, lang) + ("; " if lang == "en" else "；") + written, err=output_path == "-")
