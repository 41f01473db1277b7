// validate-sarif.js — validates SARIF logs against the official SARIF 2.1.0 JSON schema
// (draft-04) with ajv, formats included. Usage: node validate-sarif.js SCHEMA FILE...
// Exit status 0 when every FILE is valid, 1 otherwise (the errors on stderr).
'use strict';
const fs = require('fs');
const Ajv = require('ajv-draft-04');
const addFormats = require('ajv-formats');

const [schemaPath, ...files] = process.argv.slice(2);
if (!schemaPath || files.length === 0) {
  console.error('usage: node validate-sarif.js SCHEMA FILE...');
  process.exit(2);
}
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')));
let failed = false;
for (const file of files) {
  let document;
  try {
    document = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    console.error(`${file}: not JSON: ${error.message}`);
    failed = true;
    continue;
  }
  if (!validate(document)) {
    failed = true;
    for (const error of validate.errors) {
      console.error(`${file}: ${error.instancePath || '/'} ${error.message}`);
    }
  }
}
process.exit(failed ? 1 : 0);
