#!/usr/bin/env python3
"""Reads `jrnc -f json` output on stdin and prints what it means: every "location" member
removed (where things are written is not what they mean) and literal text with its blanks
removed ("0% .. 100%" and "0%..100%" are one scale). Two files mean the same when this
prints the same for both."""
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


print(json.dumps(meaning(json.load(sys.stdin)), indent=1, sort_keys=True))
