"""Plain-text subcommands of ``tp``; none of them imports Textual."""
