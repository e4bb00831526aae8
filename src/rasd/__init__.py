"""rasd (رصد): Arabic news monitoring with every item traced to its source characters."""

__version__ = "0.1.0"
