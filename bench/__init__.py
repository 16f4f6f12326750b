"""The load benchmark: `python -m bench` generates a large town and measures the main pages.

See bench/RESULTS.md for what it measures and the latest figures.
"""
