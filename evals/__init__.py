"""Evaluation harnesses: offline datasets with evaluators, and online A/B analysis."""
