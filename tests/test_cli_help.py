"""Every command of the typer app documents itself, and the CLI starts fast (lazy imports).

The commands are discovered from ``app.registered_commands`` at collection time, so a
command added later is covered without touching this file.
"""

from __future__ import annotations

import inspect
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.models import CommandInfo
from typer.testing import CliRunner

from pipeline.cli import app

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("torch", "sentence_transformers", "transformers", "trafilatura")


def command_name(info: CommandInfo) -> str:
    assert info.callback is not None
    return info.name or info.callback.__name__.replace("_", "-")


def command_help(info: CommandInfo) -> str:
    return (info.help or inspect.getdoc(info.callback) or "").strip()


COMMANDS = {command_name(info): info for info in app.registered_commands}


def click_commands() -> dict[str, Any]:
    """The click commands typer builds (typer vendors its own click, hence ``Any``)."""
    group: Any = typer.main.get_command(app)
    return dict(group.commands)


def test_the_documented_commands_exist() -> None:
    # CONTRACT.md's commands (those implemented so far) plus the run history
    assert {"ingest", "runs", "status", "stories"} <= set(COMMANDS)
    assert set(click_commands()) == set(COMMANDS)  # nothing registered behind typer's back


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_command_has_help_text(name: str) -> None:
    text = command_help(COMMANDS[name])
    assert len(text.split()) >= 3, f"`firstwire {name}` has no real help text: {text!r}"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_option_has_help_text(name: str) -> None:
    command = click_commands()[name]
    undocumented = [
        param.name
        for param in command.params
        if param.param_type_name == "option" and not (getattr(param, "help", "") or "").strip()
    ]
    assert undocumented == [], f"`firstwire {name}` options without help: {undocumented}"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_command_help_flag_works(name: str) -> None:
    result = CliRunner().invoke(app, [name, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.stdout
    assert name in result.stdout.split("Usage:", 1)[1].splitlines()[0]
    first_words = " ".join(command_help(COMMANDS[name]).split()[:3])
    assert first_words in " ".join(result.stdout.split())


def test_top_level_help_lists_every_command() -> None:
    result = CliRunner().invoke(app, ["--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    listed = {line.strip("│ ").split(" ", 1)[0] for line in result.stdout.splitlines()}
    assert set(COMMANDS) <= listed


def test_python_dash_m_pipeline_help_is_fast() -> None:
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "pipeline", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
    )
    elapsed = time.monotonic() - started
    assert proc.returncode == 0, proc.stderr
    assert "Usage:" in proc.stdout
    assert "ingest" in proc.stdout
    assert elapsed < 3.0, f"`python -m pipeline --help` took {elapsed:.2f}s"


_PROBE = f"""
import json, sys
import pipeline.cli
after_import = sorted(m for m in {HEAVY!r} if m in sys.modules)
from typer.testing import CliRunner
runner = CliRunner()
for info in pipeline.cli.app.registered_commands:
    name = info.name or info.callback.__name__.replace("_", "-")
    result = runner.invoke(pipeline.cli.app, [name, "--help"])
    assert result.exit_code == 0, (name, result.output)
after_help = sorted(m for m in {HEAVY!r} if m in sys.modules)
print(json.dumps({{"after_import": after_import, "after_help": after_help}}))
"""


def test_cli_import_and_help_do_not_load_heavy_modules() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE], cwd=ROOT, capture_output=True, text=True, timeout=30
    )
    assert proc.returncode == 0, proc.stderr
    loaded = json.loads(proc.stdout.strip().splitlines()[-1])
    assert loaded == {"after_import": [], "after_help": []}
