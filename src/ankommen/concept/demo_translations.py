"""Translations of the demo town's concept texts (written with a machine's help, not reviewed).

Keys are the German texts exactly as in concept/demo.py; values map a language code to the text.
"""

TRANSLATIONS: dict[str, dict[str, str]] = {}
