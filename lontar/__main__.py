from lontar.cli import main

main()
