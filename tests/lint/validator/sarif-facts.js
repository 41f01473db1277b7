// sarif-facts.js — checks what code scanning relies on in a jrnc SARIF log, beyond the
// schema, and prints one line per result for golden comparison:
//   ruleId level uri startLine:startColumn-endLine:endColumn (related: N) message
// Usage: node sarif-facts.js FILE. Exit status 1 when a check fails (reasons on stderr).
'use strict';
const fs = require('fs');

const log = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const problems = [];
const expect = (condition, what) => { if (!condition) problems.push(what); };

expect(log.version === '2.1.0', 'version is 2.1.0');
expect(log.runs.length === 1, 'one run');
const run = log.runs[0];
const driver = run.tool.driver;
expect(driver.name === 'jrnc' && driver.version && driver.semanticVersion, 'driver name, version, semanticVersion');
const ids = new Set();
for (const rule of driver.rules) {
  expect(!ids.has(rule.id), `rule ${rule.id} listed once`);
  ids.add(rule.id);
  expect(rule.shortDescription && rule.shortDescription.text, `rule ${rule.id} has a shortDescription`);
  expect(rule.fullDescription && rule.fullDescription.text, `rule ${rule.id} has a fullDescription`);
  expect(rule.help && rule.help.text, `rule ${rule.id} has help`);
  expect(rule.defaultConfiguration && ['note', 'warning', 'error'].includes(rule.defaultConfiguration.level),
         `rule ${rule.id} has a default level`);
}
expect(run.columnKind === 'unicodeCodePoints', 'columnKind is unicodeCodePoints');
for (const result of run.results) {
  const rule = driver.rules[result.ruleIndex];
  expect(rule && rule.id === result.ruleId, `ruleIndex ${result.ruleIndex} names ${result.ruleId}`);
  expect(result.locations.length === 1, `${result.ruleId}: one location`);
  const physical = result.locations[0].physicalLocation;
  const uri = physical.artifactLocation.uri || `(${physical.artifactLocation.description.text})`;
  if (physical.artifactLocation.uri && !uri.startsWith('file:')) {
    expect(physical.artifactLocation.uriBaseId === '%SRCROOT%', `${uri}: relative with uriBaseId`);
  }
  const r = physical.region;
  expect(r.endLine > r.startLine || (r.endLine === r.startLine && r.endColumn > r.startColumn),
         `${result.ruleId}: region ends after it starts`);
  const related = (result.relatedLocations || []).length;
  console.log(`${result.ruleId} ${result.level} ${uri} ${r.startLine}:${r.startColumn}-${r.endLine}:${r.endColumn}` +
              ` (related: ${related}) ${result.message.text}`);
}
const notifications = (run.invocations[0].toolExecutionNotifications || []);
for (const notification of notifications) console.log(`notification ${notification.level} ${notification.message.text}`);
console.log(`executionSuccessful: ${run.invocations[0].executionSuccessful}`);
for (const problem of problems) console.error(`sarif-facts: expected ${problem}`);
process.exit(problems.length ? 1 : 0);
