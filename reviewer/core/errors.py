"""Errors that mean "bad input": the CLI prints them as one line, exit status 2."""


class InputError(Exception):
    """The input cannot be used; ``str(err)`` is one readable line for the user."""


class DecodeError(InputError):
    """The bytes are not text in any encoding we can establish."""
