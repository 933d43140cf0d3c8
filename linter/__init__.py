"""disclint: a consistency linter for Chinese budget and final-account disclosures.

The package is organised as a pipeline, one module per stage:
reading (bytes -> text) -> normalize (logical lines + source map) -> parsing
(Lark document tree) -> engine (rules) -> formatters (reports).
"""

__version__ = "0.1.0"
