// Parses every script the build emitted at the language level the task pane promises: ES2020 for the
// bundles (tsconfig.web.json), ES5 for guard.js, the first script, which must run in any webview to say
// what an older Excel needs. Fails, naming the file and the offending code, when one uses newer syntax.
// Usage: node scripts/check-bundle.cjs [dist]
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const acorn = require('acorn');

const dir = process.argv[2] ?? 'dist';
const scripts = fs.readdirSync(dir).filter((f) => f.endsWith('.js'));
if (!scripts.includes('guard.js')) throw new Error(`${dir}/guard.js is missing: the pane's first script.`);
let failed = 0;
for (const file of scripts) {
  const level = file === 'guard.js' ? 5 : 2020;
  const code = fs.readFileSync(path.join(dir, file), 'utf8');
  try {
    acorn.parse(code, { ecmaVersion: level, sourceType: 'script' });
    console.log(`ok    ES${level === 5 ? 5 : level}  ${file}`);
  } catch (e) {
    failed++;
    const at = e.pos ?? 0;
    console.log(
      `FAIL  ES${level}  ${file}: ${e.message} near ${JSON.stringify(code.slice(Math.max(0, at - 50), at + 30))}`,
    );
  }
}
console.log(`${scripts.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
