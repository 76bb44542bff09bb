"""Benchmarks (``make bench``): each returns rows of one table, measured on this machine.

Timings are medians of repeated runs; they are noisy, so compare ratios and medians, not single
numbers. ``python -m evals.bench --only import`` runs a subset.
"""
