#!/usr/bin/env python3
"""Prints every text an SVG shows or carries: element text and attribute values (tooltips,
titles), one per line, with the invisible word joiner jrnc puts after an '&' removed.
Usage: svg_texts.py FILE.svg"""
import sys
import xml.etree.ElementTree as ElementTree

for element in ElementTree.parse(sys.argv[1]).iter():
    for text in [element.text] + list(element.attrib.values()):
        if text and text.strip():
            print(text.replace("\u2060", ""))
