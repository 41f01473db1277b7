#!/usr/bin/env python3
"""Compares what `jrnc -f json` outputs mean, for the fmt suite.

Reads lines "ORIGINAL_JSON<tab>FORMATTED_JSON<tab>NAME" on standard input and prints, in
the test runner's format, "PASS: same meaning (json): NAME" when both documents are equal
once every "location" member is removed (where things are written is not what they mean)
and literal text has lost its blanks ("0% .. 100%" and "0%..100%" are one scale); else a
FAIL line with the first path that differs."""
import json
import re
import sys

LITERAL = re.compile(r'^\s*-?[0-9][0-9.]*[a-z%]*\s*(\.\.\s*-?[0-9][0-9.]*[a-z%]*\s*)?$')


def meaning(value):
    if isinstance(value, dict):
        return {key: meaning(item) for key, item in value.items() if key != 'location'}
    if isinstance(value, list):
        return [meaning(item) for item in value]
    if isinstance(value, str) and LITERAL.match(value):
        return re.sub(r'\s', '', value)
    return value


def first_difference(a, b, path='$'):
    if type(a) is not type(b):
        return path
    if isinstance(a, dict):
        for key in sorted(set(a) | set(b)):
            if key not in a or key not in b:
                return '%s.%s' % (path, key)
            found = first_difference(a[key], b[key], '%s.%s' % (path, key))
            if found:
                return found
        return None
    if isinstance(a, list):
        if len(a) != len(b):
            return '%s (length %d, %d)' % (path, len(a), len(b))
        for index, (x, y) in enumerate(zip(a, b)):
            found = first_difference(x, y, '%s[%d]' % (path, index))
            if found:
                return found
        return None
    return None if a == b else '%s: %r, %r' % (path, a, b)


def load(path):
    try:
        with open(path, encoding='utf-8') as document:
            return meaning(json.load(document))
    except (OSError, ValueError) as error:
        return 'unreadable: %s' % error


for line in sys.stdin:
    original, formatted, name = line.rstrip('\n').split('\t')
    difference = first_difference(load(original), load(formatted))
    if difference is None:
        print('PASS: same meaning (json): %s' % name)
    else:
        print('FAIL: same meaning (json): %s' % name)
        print('  first difference at %s' % difference)
