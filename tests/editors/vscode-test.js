// Test of editors/vscode: tokenizes tests/editors/sample.jrn with the
// TextMate engine VS Code uses (vscode-textmate on vscode-oniguruma) and
// checks the extension's manifest, language configuration, snippets and
// problem matcher. Prints one PASS:/FAIL: line per case, explanations
// indented below. Run by tests/suites/editors.sh: node vscode-test.js
'use strict';

const fs = require('fs');
const path = require('path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const root = process.env.JRN_ROOT || path.resolve(__dirname, '..', '..');
const extension = path.join(root, 'editors', 'vscode');
const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

// ---- a tiny harness --------------------------------------------------------

const cases = [];
function test(name, body) { cases.push({ name, body }); }

async function runAll() {
  for (const { name, body } of cases) {
    const errors = [];
    try {
      await body(errors);
    } catch (err) {
      errors.push(`error: ${err && err.stack ? err.stack.split('\n').slice(0, 3).join(' | ') : err}`);
    }
    if (errors.length === 0) {
      console.log(`PASS: vscode: ${name}`);
    } else {
      console.log(`FAIL: vscode: ${name}`);
      for (const e of errors) console.log(`  ${e}`);
    }
  }
}

function equal(errors, what, expected, got) {
  const a = JSON.stringify(expected), b = JSON.stringify(got);
  if (a !== b) errors.push(`${what}: expected ${a}, got ${b}`);
}

// ---- the grammar -----------------------------------------------------------

let registryPromise = null;
function registry() {
  if (!registryPromise) {
    const wasm = fs.readFileSync(path.join(__dirname, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    const onigLib = oniguruma.loadWASM(wasm).then(() => ({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }));
    registryPromise = Promise.resolve(new vsctm.Registry({
      onigLib,
      loadGrammar: async (scopeName) => {
        const manifest = readJson(path.join(extension, 'package.json'));
        const entry = manifest.contributes.grammars.find((g) => g.scopeName === scopeName);
        if (!entry) return null;
        const file = path.join(extension, entry.path);
        return vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
      },
    }));
  }
  return registryPromise;
}

async function tokenize(text) {
  const grammar = await (await registry()).loadGrammar('source.jrn');
  if (!grammar) throw new Error('grammar source.jrn not found through package.json');
  const lines = text.split('\n');
  let stack = vsctm.INITIAL;
  const tokens = [];
  for (const line of lines) {
    const result = grammar.tokenizeLine(line, stack);
    tokens.push(result.tokens);
    stack = result.ruleStack;
  }
  return { lines, tokens };
}

// Column (0-based) of the nth match of text on a line; text that begins with
// a word character must begin a word (and end one, if it ends with one).
function column(doc, lineNo, text, nth = 1) {
  const line = doc.lines[lineNo - 1];
  if (line === undefined) throw new Error(`no line ${lineNo}`);
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp((/^\w/.test(text) ? '\\b' : '') + escaped +
                             (/^\w(.*\w)?$/.test(text) ? '\\b' : ''), 'g');
  let match;
  for (let i = 0; i < nth; i++) {
    match = pattern.exec(line);
    if (!match) throw new Error(`${JSON.stringify(text)} (match ${nth}) not found on line ${lineNo}`);
  }
  return match.index;
}

function scopesAt(doc, lineNo, col) {
  const token = doc.tokens[lineNo - 1].find((t) => t.startIndex <= col && col < t.endIndex);
  return token ? token.scopes : [];
}

// The first and last character of text on the line carry scope (and, when
// it is given, not one starting with forbidden).
function expectScope(errors, doc, lineNo, text, scope, nth = 1, forbidden = null) {
  const start = column(doc, lineNo, text, nth);
  for (const col of [start, start + text.length - 1]) {
    const scopes = scopesAt(doc, lineNo, col);
    const bad = forbidden && scopes.find((s) => s.startsWith(forbidden));
    if (!scopes.includes(scope) || bad) {
      errors.push(`line ${lineNo} col ${col + 1} (${text}): expected ${scope}` +
                  `${forbidden ? ` and no ${forbidden}*` : ''}, got ${scopes.join(' ')}: ${doc.lines[lineNo - 1]}`);
    }
  }
}

// Nothing but the root scope on text.
function expectPlain(errors, doc, lineNo, text, nth = 1) {
  const start = column(doc, lineNo, text, nth);
  for (let col = start; col < start + text.length; col++) {
    const scopes = scopesAt(doc, lineNo, col);
    if (scopes.length !== 1) {
      errors.push(`line ${lineNo} col ${col + 1} (${text}): expected only source.jrn, got ${scopes.join(' ')}`);
      return;
    }
  }
}

let sampleDoc = null;
async function sample() {
  if (!sampleDoc) sampleDoc = await tokenize(fs.readFileSync(path.join(__dirname, 'sample.jrn'), 'utf8'));
  return sampleDoc;
}

// ---- the manifest ----------------------------------------------------------

test('package.json contributes language jrn for .jrn files', (errors) => {
  const manifest = readJson(path.join(extension, 'package.json'));
  const c = manifest.contributes || {};
  const language = (c.languages || []).find((l) => l.id === 'jrn');
  if (!language) return errors.push('no language with id jrn');
  equal(errors, 'extensions', ['.jrn'], language.extensions);
  if (!fs.existsSync(path.join(extension, language.configuration || ''))) {
    errors.push(`language configuration ${language.configuration} does not exist`);
  }
  const grammar = (c.grammars || []).find((g) => g.language === 'jrn');
  if (!grammar) return errors.push('no grammar for jrn');
  equal(errors, 'grammar scopeName in the grammar file', grammar.scopeName,
        readJson(path.join(extension, grammar.path)).scopeName);
  const snippets = (c.snippets || []).find((s) => s.language === 'jrn');
  if (!snippets || !fs.existsSync(path.join(extension, snippets.path))) errors.push('no snippets file for jrn');
  const matcher = (c.problemMatchers || []).find((m) => m.name === 'jrnc');
  if (!matcher) errors.push('no problem matcher named jrnc');
  if (!manifest.engines || !manifest.engines.vscode) errors.push('engines.vscode missing');
});

test('language configuration: comments, brackets, pairs, folding', (errors) => {
  const config = readJson(path.join(extension, 'language-configuration.json'));
  equal(errors, 'lineComment', '#', config.comments && config.comments.lineComment);
  equal(errors, 'brackets', [['{', '}'], ['[', ']']], config.brackets);
  const opens = (config.autoClosingPairs || []).map((p) => p.open);
  for (const open of ['{', '[', '"']) {
    if (!opens.includes(open)) errors.push(`no auto-closing pair for ${open}`);
  }
  if (!config.folding || !config.folding.markers) errors.push('no folding markers');
  const region = new RegExp(config.folding.markers.start);
  if (!region.test('  # region Onboarding')) errors.push('folding start marker does not match "# region"');
});

test('indentation rules: open and close blocks', (errors) => {
  const rules = readJson(path.join(extension, 'language-configuration.json')).indentationRules;
  const increase = new RegExp(rules.increaseIndentPattern);
  const decrease = new RegExp(rules.decreaseIndentPattern);
  for (const line of ['stage onboarding "Onboarding" {', '  a -> b [', 'touchpoint t "a } b" {  # opens']) {
    if (!increase.test(line)) errors.push(`increaseIndentPattern misses: ${line}`);
  }
  for (const line of ['kpi csat { target: 4.5 }', 'note: "{"', '# {', '  owner: cs']) {
    if (increase.test(line)) errors.push(`increaseIndentPattern wrongly matches: ${line}`);
  }
  for (const line of ['}', '  ] -> c']) {
    if (!decrease.test(line)) errors.push(`decreaseIndentPattern misses: ${line}`);
  }
  if (decrease.test('  owner: cs')) errors.push('decreaseIndentPattern matches an ordinary line');
});

// ---- highlighting ----------------------------------------------------------

test('comments with TODO markers and jrnc directives', async (errors) => {
  const doc = await sample();
  expectScope(errors, doc, 1, '# Post-sales journeys', 'comment.line.number-sign.jrn');
  expectScope(errors, doc, 1, '#', 'punctuation.definition.comment.jrn');
  expectScope(errors, doc, 3, '# stages: onboarding', 'comment.line.number-sign.jrn', 1, 'support.');
  for (const marker of ['TODO', 'FIXME', 'XXX']) {
    expectScope(errors, doc, 2, marker, 'keyword.codetag.notation.jrn');
  }
  expectScope(errors, doc, 53, 'jrnc:', 'keyword.control.directive.jrn');
  expectScope(errors, doc, 53, 'disable', 'keyword.control.directive.jrn');
  expectScope(errors, doc, 53, 'undeclared-loop', 'constant.other.rule.jrn');
  expectScope(errors, doc, 53, 'undeclared-loop', 'comment.line.number-sign.jrn');
});

test('reserved words and declared names', async (errors) => {
  const doc = await sample();
  expectScope(errors, doc, 3, 'use', 'keyword.control.import.jrn');
  for (const [line, word] of [[5, 'map'], [16, 'segment'], [19, 'team'], [22, 'metric'], [26, 'persona'],
                              [32, 'stage'], [36, 'touchpoint'], [44, 'kpi'], [54, 'journey']]) {
    expectScope(errors, doc, line, word, 'keyword.other.declaration.jrn');
  }
  for (const [line, word] of [[26, 'in'], [32, 'extend'], [54, 'for']]) {
    expectScope(errors, doc, line, word, 'keyword.other.jrn');
  }
  expectScope(errors, doc, 5, 'acme', 'entity.name.type.jrn');
  expectScope(errors, doc, 32, 'onboarding', 'entity.name.type.jrn');
  expectScope(errors, doc, 36, 'admin_training', 'entity.name.type.jrn');
  expectPlain(errors, doc, 55, 'certify');
});

test('property names, reserved words used as properties', async (errors) => {
  const doc = await sample();
  for (const [line, word] of [[6, 'owner'], [13, 'x_custom'], [37, 'channel'], [38, 'persona'],
                              [29, 'pain'], [48, 'delight'], [55, 'rate'], [55, 'after'],
                              [69, 'serves'], [69, 'evidence'], [69, 'fail'], [69, 'wait']]) {
    expectScope(errors, doc, line, word, 'support.type.property-name.jrn', 1, 'keyword.');
  }
  expectScope(errors, doc, 6, ':', 'punctuation.separator.key-value.jrn');
});

test('flags and enumerated values', async (errors) => {
  const doc = await sample();
  for (const [line, word] of [[42, 'truth'], [43, 'backstage'], [68, 'support'], [49, 'pain']]) {
    expectScope(errors, doc, line, word, 'storage.modifier.flag.jrn');
  }
  for (const [line, word] of [[22, 'higher'], [39, 'direct'], [40, 'frustrated'], [44, 'quarterly']]) {
    expectScope(errors, doc, line, word, 'constant.language.jrn');
  }
});

test('strings and escapes', async (errors) => {
  const doc = await sample();
  expectScope(errors, doc, 3, '"std/spines/post_sales"', 'string.quoted.double.jrn');
  expectScope(errors, doc, 3, '"', 'punctuation.definition.string.begin.jrn');
  expectScope(errors, doc, 3, '"', 'punctuation.definition.string.end.jrn', 2);
  expectScope(errors, doc, 13, 'tab', 'string.quoted.double.jrn');
  for (const escape of ['\\t', '\\"', '\\\\', '\\n', '\\u{1F600}']) {
    expectScope(errors, doc, 13, escape, 'constant.character.escape.jrn');
  }
  expectScope(errors, doc, 13, ' and backslash ', 'string.quoted.double.jrn', 1, 'constant.');
  expectScope(errors, doc, 44, 'Untrained admins', 'string.quoted.double.jrn');
});

test('text blocks over several lines', async (errors) => {
  const doc = await sample();
  expectScope(errors, doc, 9, '"""', 'punctuation.definition.string.begin.jrn');
  expectScope(errors, doc, 10, 'How customers', 'string.quoted.triple.jrn');
  expectScope(errors, doc, 10, 'year:', 'string.quoted.triple.jrn', 1, 'support.');
  expectScope(errors, doc, 11, '"adoption"', 'string.quoted.triple.jrn', 1, 'string.quoted.double');
  expectScope(errors, doc, 12, '"""', 'punctuation.definition.string.end.jrn');
  expectScope(errors, doc, 13, 'x_custom', 'support.type.property-name.jrn', 1, 'string.');
  // a one-line text block: no escapes, inner quotes are text
  expectScope(errors, doc, 60, '"""C:', 'string.quoted.triple.jrn');
  expectScope(errors, doc, 60, '\\new', 'string.quoted.triple.jrn', 1, 'constant.');
  expectScope(errors, doc, 60, '"raw"', 'string.quoted.triple.jrn', 1, 'punctuation.');
  expectScope(errors, doc, 60, 'text"""', 'string.quoted.triple.jrn');
  expectScope(errors, doc, 60, '}', 'punctuation.section.block.end.jrn', 1, 'string.');
});

test('numbers, percentages, ranges, dates, durations', async (errors) => {
  const doc = await sample();
  expectScope(errors, doc, 7, '3', 'constant.numeric.integer.jrn');
  expectScope(errors, doc, 8, '2026-09-30', 'constant.numeric.date.jrn');
  expectScope(errors, doc, 22, '0%', 'constant.numeric.percentage.jrn');
  expectScope(errors, doc, 22, '..', 'keyword.operator.range.jrn');
  expectScope(errors, doc, 22, '100%', 'constant.numeric.percentage.jrn');
  expectScope(errors, doc, 22, '%', 'keyword.other.unit.jrn', 2);
  expectScope(errors, doc, 23, '-2', 'constant.numeric.integer.jrn');
  expectScope(errors, doc, 23, '..', 'keyword.operator.range.jrn');
  expectScope(errors, doc, 23, '2', 'constant.numeric.integer.jrn', 2);
  expectScope(errors, doc, 24, '1', 'constant.numeric.integer.jrn');
  expectScope(errors, doc, 24, '5', 'constant.numeric.integer.jrn');
  expectScope(errors, doc, 34, '-1', 'constant.numeric.integer.jrn');
  expectScope(errors, doc, 41, '4.5', 'constant.numeric.float.jrn');
  expectScope(errors, doc, 44, '85%', 'constant.numeric.percentage.jrn');
  for (const [line, duration] of [[55, '2d'], [56, '30min'], [56, '4h'], [57, '3w'], [57, '6mo'], [57, '1y']]) {
    expectScope(errors, doc, line, duration, 'constant.numeric.duration.jrn');
  }
  for (const [line, duration] of [[60, '0d'], [60, '90d'], [61, '1.5h']]) {
    expectScope(errors, doc, line, duration, 'constant.numeric.duration.jrn');
  }
  expectScope(errors, doc, 60, '..', 'keyword.operator.range.jrn');
  const unit = column(doc, 56, '30min') + 2;   // the `min` of 30min
  for (const col of [unit, unit + 2]) {
    if (!scopesAt(doc, 56, col).includes('keyword.other.unit.jrn')) {
      errors.push(`line 56 col ${col + 1}: min of 30min is not keyword.other.unit.jrn`);
    }
  }
});

test('arrow, brackets, braces and separators', async (errors) => {
  const doc = await sample();
  expectScope(errors, doc, 55, '->', 'keyword.operator.arrow.jrn');
  expectScope(errors, doc, 55, '->', 'keyword.operator.arrow.jrn', 2);
  expectScope(errors, doc, 57, '->', 'keyword.operator.arrow.jrn', 3);
  expectScope(errors, doc, 55, '[', 'punctuation.section.brackets.begin.jrn');
  expectScope(errors, doc, 55, ']', 'punctuation.section.brackets.end.jrn');
  expectScope(errors, doc, 55, ',', 'punctuation.separator.comma.jrn');
  expectScope(errors, doc, 5, '{', 'punctuation.section.block.begin.jrn');
  expectScope(errors, doc, 14, '}', 'punctuation.section.block.end.jrn');
});

test('look-alike words and bad escapes', async (errors) => {
  const doc = await tokenize('touchpoint t2 "T" { channel: in_app  note: "bad \\q escape" }\n' +
                             'stage_x mapping x2 -2d\n' +
                             'note: "unterminated\n' +
                             'owner: cs\n' +
                             'for: x  in : y  persona:z');
  expectScope(errors, doc, 1, 't2', 'entity.name.type.jrn');
  expectPlain(errors, doc, 1, 'in_app');
  expectScope(errors, doc, 1, '\\q', 'invalid.illegal.unknown-escape.jrn');
  expectPlain(errors, doc, 2, 'stage_x');
  expectPlain(errors, doc, 2, 'mapping');
  expectPlain(errors, doc, 2, 'x2');
  expectScope(errors, doc, 2, '-2d', 'constant.numeric.duration.jrn');
  // use, map, extend, in and for are never property names
  expectScope(errors, doc, 5, 'for', 'keyword.other.jrn', 1, 'support.');
  expectScope(errors, doc, 5, 'in', 'keyword.other.jrn', 1, 'support.');
  expectScope(errors, doc, 5, 'persona', 'support.type.property-name.jrn');
  // an unterminated string ends with its line
  expectScope(errors, doc, 4, 'owner', 'support.type.property-name.jrn', 1, 'string.');
});

// ---- snippets --------------------------------------------------------------

// Expands a snippet body the way VS Code would if every default were kept.
function expand(body) {
  let text = (Array.isArray(body) ? body.join('\n') : body).replace(/\t/g, '  ');
  const variables = { CURRENT_YEAR: '2026', CURRENT_MONTH: '09', CURRENT_DATE: '30' };
  for (let previous = null; previous !== text;) {
    previous = text;
    text = text
      .replace(/\$\{\d+\|([^,|}]*)[^}]*\|\}/g, '$1')        // choice: first option
      .replace(/\$\{\d+:([^${}]*)\}/g, '$1')                // placeholder: default
      .replace(/\$([A-Z_]+)/g, (m, name) => variables[name] || m)
      .replace(/\$\d+/g, '');                               // tab stops
  }
  return text;
}

test('snippets for map, stage, touchpoint, journey, persona', async (errors) => {
  const snippets = readJson(path.join(extension, 'snippets', 'jrn.json'));
  const byPrefix = new Map(Object.values(snippets).map((s) => [s.prefix, s]));
  for (const prefix of ['map', 'stage', 'touchpoint', 'journey', 'persona']) {
    const snippet = byPrefix.get(prefix);
    if (!snippet) { errors.push(`no snippet with prefix ${prefix}`); continue; }
    if (!snippet.description) errors.push(`snippet ${prefix} has no description`);
    const text = expand(snippet.body);
    if (text.includes('$')) errors.push(`snippet ${prefix} left ${text}`);
    const opens = (text.match(/[{[]/g) || []).length, closes = (text.match(/[}\]]/g) || []).length;
    if (opens !== closes) errors.push(`snippet ${prefix}: unbalanced brackets in ${JSON.stringify(text)}`);
    const doc = await tokenize(text);
    expectScope(errors, doc, 1, prefix, 'keyword.other.declaration.jrn');
    doc.tokens.forEach((line, i) => line.forEach((t) => {
      if (t.scopes.some((s) => s.startsWith('invalid.'))) errors.push(`snippet ${prefix} line ${i + 1}: invalid token`);
    }));
  }
});

// ---- problem matcher -------------------------------------------------------

test('problem matcher reads jrnc diagnostics', (errors) => {
  const c = readJson(path.join(extension, 'package.json')).contributes;
  const matcher = c.problemMatchers.find((m) => m.name === 'jrnc');
  const pattern = typeof matcher.pattern === 'string'
    ? c.problemPatterns.find((p) => `$${p.name}` === matcher.pattern)
    : matcher.pattern;
  if (!pattern) return errors.push(`pattern ${matcher.pattern} not found in problemPatterns`);
  const regexp = new RegExp(pattern.regexp);
  const lines = fs.readFileSync(path.join(__dirname, 'fixtures', 'diagnostics.txt'), 'utf8').split('\n');
  const problems = [];
  for (const line of lines) {
    const m = regexp.exec(line);
    if (!m) continue;
    problems.push(['file', 'line', 'column', 'severity', 'message', 'code'].map((k) => m[pattern[k]] ?? null));
  }
  equal(errors, 'problems', [
    ['map.jrn', '12', '5', 'error', "unknown property 'chanel' on touchpoint; did you mean 'channel'?", null],
    ['map.jrn', '3', '1', 'note', 'first declared here', null],
    ['map.jrn', '40', '3', 'warning', "stage 'renewal' has no touchpoint", 'empty-stage'],
  ], problems);
  const absolute = regexp.exec('/home/me/maps/map.jrn:7:2: error: unterminated string');
  equal(errors, 'absolute path', ['/home/me/maps/map.jrn', '7', '2'],
        absolute ? [absolute[pattern.file], absolute[pattern.line], absolute[pattern.column]] : null);
  equal(errors, 'fileLocation', 'autoDetect', matcher.fileLocation && matcher.fileLocation[0]);
});

runAll().catch((err) => { console.log(`FAIL: vscode: harness\n  ${err.stack}`); });
