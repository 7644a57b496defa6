"""Business rules as plain functions: what a screen or a command asks, answered with dataclasses.

Nothing here imports Textual; views and the command line call these and render what comes back.
"""
