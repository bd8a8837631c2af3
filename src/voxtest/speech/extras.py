"""Whether the optional `voice` extra is installed, with the error that says how to get it."""

from __future__ import annotations

import importlib
import importlib.util
from types import ModuleType

from voxtest.speech.base import SpeechError

INSTALL_HINT = "install the offline speech engines with: pip install 'voxtest[voice]'"


def require(module: str, engine: str) -> ModuleType:
    """Import `module` for `engine`, or a SpeechError naming the extra to install."""
    if importlib.util.find_spec(module.split(".")[0]) is None:
        raise SpeechError(f"The {engine} engine needs the package {module!r}: {INSTALL_HINT}.")
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise SpeechError(f"The {engine} engine could not load {module!r} ({exc}): {INSTALL_HINT}.")
