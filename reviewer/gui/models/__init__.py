"""Qt item models over store records (and the plain-Python row data behind them)."""
