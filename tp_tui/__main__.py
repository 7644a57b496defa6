from tp_tui.cli import main

main()
