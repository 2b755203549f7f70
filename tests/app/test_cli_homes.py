"""The command line imports only the module of the command it runs: its table of homes must name every
command each module registers, and nothing else."""
from __future__ import annotations

import argparse
import importlib
import subprocess
import sys

from app import cli


def _registered(module: str) -> set[str]:
    commands = argparse.ArgumentParser().add_subparsers()
    importlib.import_module(f"app.commands.{module}").register(commands, argparse.ArgumentParser(add_help=False))
    return set(commands.choices)


def test_every_command_has_its_module_as_home():
    found = {name: module for module in cli.COMMAND_MODULES for name in _registered(module)}
    assert cli.COMMAND_HOMES == found


def test_a_command_parses_alone_and_the_help_lists_every_command():
    args = cli._parser(["import-roster", "--dry-run", "名单.xlsx"]).parse_args(["import-roster", "--dry-run", "名单.xlsx"])
    assert args.command == "import-roster" and args.dry_run
    every = cli._parser([])._subparsers._group_actions[0].choices
    assert set(every) == set(cli.COMMAND_HOMES)


def test_importing_a_list_loads_neither_openpyxl_nor_the_demo_builders():
    code = ("import sys; from app import cli; cli._parser(['import-roster', 'x.xlsx']); "
            "print(sorted(m for m in ('openpyxl', 'app.services.demo', 'reportlab') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
