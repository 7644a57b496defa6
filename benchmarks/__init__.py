"""Benchmarks for tp-tui: generated databases and ratio benchmarks (not part of the test run)."""
