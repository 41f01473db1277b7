// problem-matcher.js — applies the GitHub Actions problem matcher
// (editors/github/jrnc-problem-matcher.json) to gcc-form lines on stdin, as the runner
// does, and prints one annotation per matched line: severity|file|line|column|code|message.
// Usage: node problem-matcher.js MATCHER.json < diagnostics.txt
'use strict';
const fs = require('fs');

const matcher = JSON.parse(fs.readFileSync(process.argv[2], 'utf8')).problemMatcher;
const input = fs.readFileSync(0, 'utf8').split('\n');
for (const line of input) {
  for (const entry of matcher) {
    const pattern = entry.pattern[0];
    const match = new RegExp(pattern.regexp).exec(line);
    if (!match) continue;
    const field = (name) => (pattern[name] ? match[pattern[name]] || '' : '');
    console.log([field('severity') || entry.severity || 'error', field('file'), field('line'),
                 field('column'), field('code'), field('message')].join('|'));
    break;
  }
}
