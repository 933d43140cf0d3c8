"""An example disclint plugin."""
