#!/usr/bin/env python3
"""Writes the hostile inputs of the hardening suite into a folder (argument 1).

Each file is built to stress one limit: nesting, token length, list length, error count,
encoding. Generated rather than committed: several are megabytes."""
import os
import random
import sys

out = sys.argv[1]
os.makedirs(out, exist_ok=True)


def write(name, data):
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(os.path.join(out, name), mode) as handle:
        handle.write(data)


write("deep-nesting.jrn", 'stage s "S" ' + "{ " * 200_000 + "} " * 200_000)
write("deep-brackets.jrn", "journey j " + "[ " * 200_000)
write("huge-string.jrn", 'stage s "S" { goal: "' + "x" * (20 * 1024 * 1024) + '" }\n')
write("huge-identifier.jrn", "stage " + "a" * (5 * 1024 * 1024) + ' "S" { owner: ' + "b" * (5 * 1024 * 1024) + " }\n")
write("huge-number.jrn", 'stage s "S" { touchpoint t "T" { effort: ' + "9" * 100_000 + " } }\n")
write("huge-decimal.jrn", 'stage s "S" { touchpoint t "T" { emotion: 0.' + "1" * 100_000 + " } }\n")

steps = 200_000
chain = ['stage s "S" {']
chain += [f"  touchpoint t{i} \"Step {i}\"" for i in range(steps)]
chain.append("}")
chain.append('journey long "Long" {')
chain.append("  " + " -> ".join(f"t{i}" for i in range(steps)))
chain.append("}")
write("long-chain.jrn", "\n".join(chain) + "\n")
write("long-chain-undeclared.jrn", 'journey j "J" { ' + " -> ".join(f"x{i}" for i in range(steps)) + " }\n")
write("long-value-list.jrn", 'persona p "P" { goal: ' + ", ".join('"g"' for _ in range(200_000)) + " }\n")
write("repeated-property.jrn", 'persona p "P" {\n' + '  need: "n"\n' * 100_000 + "}\n")

write("many-errors.jrn", "stage s \"S\" {\n" + "  owner: : \n" * 100_000 + "}\n")
write("many-lexical-errors.jrn", "@ " * 100_000)
write("many-duplicates.jrn", "".join(f'team t "Team {i}"\n' for i in range(100_000)))
write("many-unknown-refs.jrn", "".join(f'team t{i} "T"\n' for i in range(20_000))
      + 'stage s "S" {\n' + "".join(f"  touchpoint x{i} \"X\" {{ owner: u{i} }}\n" for i in range(20_000)) + "}\n")

write("unterminated-block.jrn", 'stage s "S" { does: """\n' + "text\n" * 1000)
write("unterminated-string-eof.jrn", 'stage s "S" { goal: "no end')
write("trailing-backslash.jrn", 'stage s "S" { goal: "ends with \\')
write("lone-brace.jrn", "}" * 100_000)
write("only-open.jrn", "{" * 100)

rng = random.Random(20261123)
for n in range(8):
    write(f"random-{n}.jrn", bytes(rng.randrange(256) for _ in range(rng.randrange(1, 20_000))))
alphabet = 'stage touchpoint journey kpi use map extend in for { } [ ] : , -> .. " """ # 1 2.5 85% 1..5 2026-01-31 3d x_a a b \n'.split(" ")
for n in range(8):
    write(f"token-soup-{n}.jrn", " ".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 5_000))))

bad_utf8 = [b"\xc0\xaf", b"\xe0\x80\xaf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xff", b"\x80", b"\xe2\x82"]
for n, sequence in enumerate(bad_utf8):
    write(f"bad-utf8-{n}.jrn", b'stage s "S" { goal: "' + sequence + b'" }\n')
write("escape-too-big.jrn", 'stage s "S" { goal: "\\u{110000} \\u{FFFFFFFFFFFFFFFFFFFF} \\u{} \\u{D800} \\u{0}" }\n')
