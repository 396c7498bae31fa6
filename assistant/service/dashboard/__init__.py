"""The leaders' dashboard: topics in members' terms, daily counts, trends and shares, CSV.

Pure aggregation over stored interactions (counts only: no question text leaves here); the web
tab (``ui.web.dashboard_tab``) draws what ``report.build_report`` returns.
"""
