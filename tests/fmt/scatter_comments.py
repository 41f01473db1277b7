#!/usr/bin/env python3
"""Writes variants of a .jrn file with comments scattered between its tokens.

Usage: scatter_comments.py FILE OUT_DIR COUNT [SEED]
Each variant OUT_DIR/variant-N.jrn has comments "# cK" (K counting up in file order)
inserted at random places where whitespace may stand: after a token on the same line
(a trailing comment) or on a line of their own. The fmt suite formats every variant and
checks that the comments survive in order, that formatting is idempotent and that the
file means the same.
"""
import os
import random
import sys


def gaps(text):
    """Offsets of whitespace outside strings, text blocks and comments."""
    result = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith('"""', i):
            end = text.find('"""', i + 3)
            i = n if end < 0 else end + 3
        elif c == '"':
            i += 1
            while i < n and text[i] not in '"\n':
                i += 2 if text[i] == '\\' else 1
            i += 1
        elif c == '#':
            while i < n and text[i] != '\n':
                i += 1
        else:
            if c in ' \n':
                result.append(i)
            i += 1
    return result


def variant(text, rng, count):
    places = sorted(rng.sample(gaps(text), min(count, len(gaps(text)))))
    pieces, last = [], 0
    for number, place in enumerate(places):
        pieces.append(text[last:place])
        own_line = rng.random() < 0.5
        pieces.append(('\n# c%d\n' if own_line else ' # c%d\n') % number)
        last = place
    pieces.append(text[last:])
    return ''.join(pieces)


def main():
    path, out_dir, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 1)
    with open(path, encoding='utf-8') as source:
        text = source.read()
    os.makedirs(out_dir, exist_ok=True)
    for number in range(count):
        with open(os.path.join(out_dir, 'variant-%d.jrn' % number), 'w', encoding='utf-8') as out:
            out.write(variant(text, rng, rng.randint(1, 25)))


if __name__ == '__main__':
    main()
