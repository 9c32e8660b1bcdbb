"""Build step: a wheel carries the top-level data folders as package data.

The bylaws, the example scenarios and the drafts stay in the checkout's top-level folders
(bylaws/, scenarios/, scenarios-payments/, drafts/); building a wheel copies them to
engine/_shipped/, where engine/core/resources.py finds them with importlib.resources. An editable
install copies nothing: it reads the checkout's folders.
"""
import shutil
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

sys.path.insert(0, str(Path(__file__).resolve().parent))
from engine.core.resources import PACKAGED, SHIPPED  # noqa: E402  (one list of the shipped folders)


class BuildPyWithData(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "engine" / PACKAGED
        for name in SHIPPED:
            shutil.copytree(name, target / name, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


setup(cmdclass={"build_py": BuildPyWithData})
