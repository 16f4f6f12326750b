#!/usr/bin/env python3
"""Build the part of KERN UX's stylesheet that Ankommen's pages use.

KERN's kern.min.css (vendor/kern/, 340 KB) styles every component of the design system; a page of
ours needs a small part of it. This keeps a rule when each class its selector names occurs in our
templates or Python code (the words of src/, so `post_button`'s "kern-btn--{}" and a template's
`kern-alert--{% if … %}danger{% elif … %}…` count too), drops the dark theme (base.html sets
data-kern-theme="light") and the design tokens (custom properties) nothing refers to, and writes
vendor/kern/kern.used.css, which base.html links. Run it after using a KERN class for the first
time; tests/core/test_kern_css.py fails while the committed file is not what this gives.

    python3 scripts/build_kern_css.py          # writes the file
    python3 scripts/build_kern_css.py --check  # exit 1 if the file is out of date
"""

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE_DIR = ROOT / "src" / "ankommen"
KERN_DIR = SOURCE_DIR / "core" / "static" / "vendor" / "kern"
SOURCE = KERN_DIR / "kern.min.css"
TARGET = KERN_DIR / "kern.used.css"
THEME = "light"  # base.html: <html data-kern-theme="light">

# A class built from a prefix and a value named elsewhere: which words complete the prefix.
# Links name their icon in Python (`Link(…, icon="easy-language")`).
VALUES = {"kern-icon--": re.compile(r"""\bicon\s*=\s*["']([a-z0-9-]+)["']""")}

HEADER = (
    "/* KERN UX (EUPL-1.2, see LICENSE.md): the rules of kern.min.css that Ankommen's templates use,"
    " built by scripts/build_kern_css.py. Do not edit. */\n"
)


@dataclass
class Rule:
    """A style rule (`selectors { declarations }`) or an at-rule with its body."""

    prelude: str
    body: str = ""  # declarations, or the raw body of @keyframes and the like
    children: list = field(default_factory=list)  # the rules inside @media
    is_group: bool = False
    is_statement: bool = False  # @charset "UTF-8";


def _skip_string(text, i):
    quote = text[i]
    i += 1
    while text[i] != quote:
        i += 2 if text[i] == "\\" else 1
    return i + 1


def _find(text, i, stops):
    """The index of the first of `stops` at depth 0 from `i`, outside strings and parentheses."""
    depth = 0
    while i < len(text):
        char = text[i]
        if char in "\"'":
            i = _skip_string(text, i)
            continue
        if char == "/" and text.startswith("/*", i):
            i = text.index("*/", i) + 2
            continue
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif depth == 0 and char in stops:
            return i
        i += 1
    return len(text)


def _block_end(text, i):
    """The index of the `}` that closes the block opened just before `i`."""
    depth = 1
    while depth:
        stop = _find(text, i, "{}")
        depth += 1 if text[stop] == "{" else -1
        i = stop + 1
    return i - 1


def parse(text, i=0, end=None):
    """The rules of a stylesheet (or of a group rule's body between `i` and `end`)."""
    end = len(text) if end is None else end
    rules = []
    while True:
        while i < end and (text[i].isspace() or text.startswith("/*", i)):
            i = text.index("*/", i) + 2 if text.startswith("/*", i) else i + 1
        if i >= end:
            return rules
        stop = _find(text, i, ";{")
        prelude = text[i:stop].strip()
        if text[stop] == ";":
            rules.append(Rule(prelude, is_statement=True))
            i = stop + 1
            continue
        close = _block_end(text, stop + 1)
        if re.match(r"@(media|supports|layer|container)\b", prelude):
            rules.append(Rule(prelude, children=parse(text, stop + 1, close), is_group=True))
        else:
            rules.append(Rule(prelude, body=text[stop + 1 : close]))
        i = close + 1


def split_top_level(text, separator=","):
    parts, start = [], 0
    while start <= len(text):
        stop = _find(text, start, separator)
        parts.append(text[start:stop].strip())
        start = stop + 1
    return [part for part in parts if part]


# --- What the product uses ---------------------------------------------------------------


def product_texts():
    """Every template, Python module and stylesheet of ours (KERN's own files excepted)."""
    for path in sorted(SOURCE_DIR.rglob("*")):
        if (
            path.suffix in {".html", ".py", ".css", ".txt"}
            and path.is_file()
            and KERN_DIR not in path.parents
        ):
            yield path, path.read_text(encoding="utf-8")


TEMPLATE_BRANCHES = re.compile(r"(kern-[\w-]*?-)((?:\{%[^%]*%\}[\w-]*)+)")
OPEN_PREFIX = re.compile(r"(kern-[\w-]*?-)(?:\{\{|\{\}|\"|')")


def used_words():
    """The words of our code (any could be a class), with the classes built from a prefix.

    Returns the words and the prefixes whose every completion must be kept.
    """
    words, prefixes = set(), set()
    # Our stylesheets name KERN classes to restyle them, which is no reason to ship them.
    texts = [(path, text) for path, text in product_texts() if path.suffix != ".css"]
    for _path, text in texts:
        words.update(re.findall(r"[A-Za-z_][\w-]*", text))
        # kern-alert--{% if … %}danger{% elif … %}warning{% else %}info{% endif %}
        for prefix, branches in TEMPLATE_BRANCHES.findall(text):
            words.update(prefix + word for word in re.findall(r"%\}([\w-]+)", branches))
        # kern-btn--{{ look }}, "kern-btn--{}" in Python, "kern-alert--" + level
        for prefix in OPEN_PREFIX.findall(text):
            if prefix in VALUES:
                for _other, other_text in texts:
                    words.update(prefix + value for value in VALUES[prefix].findall(other_text))
            else:
                prefixes.add(prefix)
    return words, prefixes


# --- Which rules stay ----------------------------------------------------------------------

FUNCTIONAL = re.compile(r":(?:not|is|where|has|-webkit-any|-moz-any)\(")


def _without_arguments(selector):
    """The selector without the insides of :not(), :is(), :where(), :has() (they never require a class)."""
    while match := FUNCTIONAL.search(selector):
        close = _find(selector, match.end(), ")")
        selector = selector[: match.start()] + selector[close + 1 :]
    return selector


def selector_is_used(selector, words, prefixes):
    required = _without_arguments(selector)
    if re.search(r"data-kern-theme=['\"]?(?!" + THEME + r"\b)", required):
        return False  # another theme
    plain = re.sub(r"\[[^\]]*\]", "", required)
    for name in re.findall(r"\.(-?[_a-zA-Z][\w-]*)", plain):
        if name not in words and not any(name.startswith(prefix) for prefix in prefixes):
            return False
    return True


def keep_used(rules, words, prefixes):
    kept = []
    for rule in rules:
        if rule.is_statement:
            kept.append(rule)
        elif rule.is_group:
            if "prefers-color-scheme: dark" in rule.prelude:
                continue  # the page sets its theme; the dark one is never shown
            children = keep_used(rule.children, words, prefixes)
            if children:
                kept.append(Rule(rule.prelude, children=children, is_group=True))
        elif rule.prelude.startswith("@"):
            kept.append(rule)  # @keyframes, pruned below
        else:
            selectors = [s for s in split_top_level(rule.prelude) if selector_is_used(s, words, prefixes)]
            if selectors:
                kept.append(Rule(",".join(selectors), body=rule.body))
    return kept


def _walk(rules):
    for rule in rules:
        yield rule
        yield from _walk(rule.children)


def prune_tokens(rules, product):
    """Drop custom properties and @keyframes that no kept rule and none of our code refers to."""
    while True:
        references = product + "".join(r.body for r in _walk(rules) if not r.prelude.startswith("@keyframes"))
        referenced = set(re.findall(r"var\(\s*(--[\w-]+)", references))
        animations = set(re.findall(r"animation(?:-name)?\s*:\s*([^;}]+)", references))
        animated = {word for value in animations for word in re.findall(r"[\w-]+", value)}
        changed = False
        for rule in _walk(rules):
            if rule.is_group or rule.is_statement or rule.prelude.startswith("@"):
                continue
            declarations = split_top_level(rule.body, ";")
            needed = [
                d for d in declarations if not d.startswith("--") or d.split(":", 1)[0].strip() in referenced
            ]
            if len(needed) != len(declarations):
                rule.body = ";".join(needed)
                changed = True
        before = sum(1 for _ in _walk(rules))
        rules[:] = _without_empty(rules, animated)
        if not changed and before == sum(1 for _ in _walk(rules)):
            return rules


def _without_empty(rules, animated):
    kept = []
    for rule in rules:
        if rule.is_group:
            rule.children = _without_empty(rule.children, animated)
            if rule.children:
                kept.append(rule)
        elif rule.prelude.startswith("@keyframes"):
            if rule.prelude.split()[1] in animated:
                kept.append(rule)
        elif rule.is_statement or rule.body.strip():
            kept.append(rule)
    return kept


def serialize(rules):
    out = []
    for rule in rules:
        if rule.is_statement:
            out.append(rule.prelude + ";")
        elif rule.is_group:
            out.append(rule.prelude + "{" + serialize(rule.children) + "}")
        else:
            out.append(rule.prelude + "{" + rule.body + "}")
    return "".join(out)


def build():
    """The reduced stylesheet, as text."""
    words, prefixes = used_words()
    product = "".join(text for _path, text in product_texts())
    rules = keep_used(parse(SOURCE.read_text(encoding="utf-8")), words, prefixes)
    rules = prune_tokens(rules, product)
    charset = [rule for rule in rules if rule.is_statement and rule.prelude.startswith("@charset")]
    others = [rule for rule in rules if rule not in charset]
    # @charset must come first; our header comment follows it.
    return serialize(charset) + ("\n" if charset else "") + HEADER + serialize(others) + "\n"


def main(argv):
    built = build()
    if "--check" in argv:
        if not TARGET.is_file() or TARGET.read_text(encoding="utf-8") != built:
            print(
                f"{TARGET.relative_to(ROOT)} is out of date: run scripts/build_kern_css.py", file=sys.stderr
            )
            return 1
        return 0
    TARGET.write_text(built, encoding="utf-8")
    print(f"{TARGET.relative_to(ROOT)}: {len(built.encode()):,} bytes (from {SOURCE.stat().st_size:,})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
