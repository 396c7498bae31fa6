"""Evaluation harness: dev set, metrics, batch runs, reports and comparisons."""
