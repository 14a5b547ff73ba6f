"""The model stage: typed records → one whole-archive model with every cross-reference resolved."""
