"""slidegen: YAML lectures -> native, editable PowerPoint decks with diagrams, per audience."""

__version__ = "0.1.0"
