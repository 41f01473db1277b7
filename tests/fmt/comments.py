#!/usr/bin/env python3
"""Comments of .jrn files, for the fmt suite.

  comments.py list FILE
      prints every comment of FILE in order, one per line, trailing blanks removed
      (what jrnc fmt must keep).
  comments.py compare
      reads lines "ORIGINAL<tab>FORMATTED<tab>NAME" on standard input and prints, in the
      test runner's format, "PASS: comments kept in order: NAME" when both files have the
      same comments in the same order, else a FAIL line with the first difference.
  comments.py scatter FILE OUT_DIR COUNT SEED
      writes OUT_DIR/variant-N.jrn (N < COUNT): FILE with comments "# cK" inserted at
      random places where whitespace may stand, after a token (a trailing comment) or
      on a line of their own. The same SEED gives the same variants.
"""
import os
import random
import re
import sys

# A number, percentage, duration or range: blanks around ".." belong to the token.
LITERAL = re.compile(r'-?[0-9]+(\.[0-9]+)?[a-z%]*([ \t]*\.\.[ \t]*-?[0-9]+(\.[0-9]+)?[a-z%]*)?')


def scan(text):
    """Yields ('gap', offset) for whitespace outside literals and ('comment', text)."""
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
        elif c.isdigit() or (c == '-' and text[i + 1:i + 2].isdigit()):
            i = LITERAL.match(text, i).end()
        elif c == '#':
            end = text.find('\n', i)
            end = n if end < 0 else end
            yield 'comment', text[i:end].rstrip(' \t\r')
            i = end
        else:
            if c in ' \n':
                yield 'gap', i
            i += 1


def read(path):
    with open(path, encoding='utf-8-sig', newline='') as source:
        return source.read()


def comments_of(path):
    return [value for kind, value in scan(read(path)) if kind == 'comment']


def list_comments(path):
    for comment in comments_of(path):
        print(comment)


def compare():
    for line in sys.stdin:
        original, formatted, name = line.rstrip('\n').split('\t')
        before, after = comments_of(original), comments_of(formatted)
        if before == after:
            print('PASS: comments kept in order: %s' % name)
            continue
        at = next((i for i, pair in enumerate(zip(before, after)) if pair[0] != pair[1]),
                  min(len(before), len(after)))
        print('FAIL: comments kept in order: %s' % name)
        print('  comment %d: %r became %r' % (at + 1, before[at] if at < len(before) else None,
                                               after[at] if at < len(after) else None))


def variant(text, rng):
    gaps = [value for kind, value in scan(text) if kind == 'gap']
    places = sorted(rng.sample(gaps, min(rng.randint(1, 25), len(gaps))))
    pieces, last = [], 0
    for number, place in enumerate(places):
        pieces.append(text[last:place])
        pieces.append(('\n# c%d\n' if rng.random() < 0.5 else ' # c%d\n') % number)
        last = place
    pieces.append(text[last:])
    return ''.join(pieces)


def scatter(path, out_dir, count, seed):
    text = read(path)
    rng = random.Random(seed)
    os.makedirs(out_dir, exist_ok=True)
    for number in range(count):
        with open(os.path.join(out_dir, 'variant-%d.jrn' % number), 'w', encoding='utf-8') as out:
            out.write(variant(text, rng))


if __name__ == '__main__':
    if sys.argv[1:2] == ['list'] and len(sys.argv) == 3:
        list_comments(sys.argv[2])
    elif sys.argv[1:] == ['compare']:
        compare()
    elif sys.argv[1:2] == ['scatter'] and len(sys.argv) == 6:
        scatter(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))
    else:
        sys.exit(__doc__)
