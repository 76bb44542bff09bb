"""The synthetic demo company: a generator and the workspace it builds."""

from copilot.demo.generator import ANCHOR, DemoFiles, generate

__all__ = ["ANCHOR", "DemoFiles", "generate"]
