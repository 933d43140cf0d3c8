"""Report formatters, one module per output format."""
