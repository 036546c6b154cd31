"""User actions as plain Python over core and store (no Qt): the window and the command line
run the same code for the same action."""
