// What the lsp test scripts share: run a case, print PASS or FAIL (with why) in the test
// runner's format, and count the failures for the exit status.
'use strict';
const state = { failures: 0 };

async function test(name, body) {
    try {
        await body();
        console.log(`PASS: ${name}`);
    } catch (error) {
        state.failures++;
        console.log(`FAIL: ${name}`);
        for (const line of String(error && error.stack || error).split('\n').slice(0, 12)) console.log(`  ${line}`);
    }
}

// Ends the script: status 0 when every case passed.
function finish() {
    console.log(`# ${state.failures} failed`);
    process.exit(state.failures === 0 ? 0 : 1);
}

module.exports = { test, finish };
