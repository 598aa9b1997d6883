"""Pure computations: no I/O, no MkDocs. Money is Decimal, rounding explicit."""
