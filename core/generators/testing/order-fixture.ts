/**
 * A tiny repository state and model replies about it, shared by the generator tests: two
 * `console.log` sites to move to a structured logger, and replies of every kind a model sends.
 */
import type { FileTree } from "../../../shared/file-changes.ts";
import type { GeneratorContext, GeneratorSite } from "../generator.ts";

/** The parent state's files. */
export const orderFiles: FileTree = {
  "src/orders.ts": [
    'import { db } from "./db.ts";',
    "",
    "export function placeOrder(id: string): string {",
    '  console.log("placing order", id);',
    "  db.insert(id);",
    "  return id;",
    "}",
    "",
    "export function cancelOrder(id: string): void {",
    '  console.log("cancelling order", id);',
    "  db.remove(id);",
    "}",
    "",
  ].join("\n"),
  "src/db.ts": "export const db = { insert(_id: string) {}, remove(_id: string) {} };\n",
};

/** `src/orders.ts` after the migration step. */
export const migratedOrders = orderFiles["src/orders.ts"]!
  .replace('import { db } from "./db.ts";', 'import { db } from "./db.ts";\nimport { logger } from "./logger.ts";')
  .replace('console.log("placing order", id);', 'logger.info("placing order", { id });')
  .replace('console.log("cancelling order", id);', 'logger.info("cancelling order", { id });');

const site = (line: number, text: string): GeneratorSite => ({
  ruleId: "no-console",
  file: "src/orders.ts",
  text,
  range: { start: { line, column: 3 }, end: { line, column: 3 + text.length } },
});

/** The two target sites (1-based lines, as core/targets reports them). */
export const orderSites: GeneratorSite[] = [site(4, 'console.log("placing order", id)'), site(10, 'console.log("cancelling order", id)')];

/** A generator context over the fixture; `signal` defaults to one that never aborts. */
export function orderContext(overrides: Partial<GeneratorContext> = {}): GeneratorContext {
  return {
    goal: "Replace console.log with the structured logger from ./logger.ts (logger.info(message, fields)).",
    sites: orderSites,
    files: async (path) => orderFiles[path],
    diagnostics: [{ file: "src/orders.ts", line: 4, message: "Unexpected console statement." }],
    k: 1,
    seed: 7,
    signal: new AbortController().signal,
    ...overrides,
  };
}

/** Correct edit blocks, with a little prose around them as models write. */
export const correctReply = `Here are the edits.

src/orders.ts
<<<<<<< SEARCH
import { db } from "./db.ts";
=======
import { db } from "./db.ts";
import { logger } from "./logger.ts";
>>>>>>> REPLACE

src/orders.ts
<<<<<<< SEARCH
  console.log("placing order", id);
=======
  logger.info("placing order", { id });
>>>>>>> REPLACE

src/orders.ts
<<<<<<< SEARCH
  console.log("cancelling order", id);
=======
  logger.info("cancelling order", { id });
>>>>>>> REPLACE
`;

/** The same edits with indentation drift (4 spaces where the file has 2) and trailing spaces, in a fence. */
export const driftedReply = `\`\`\`
src/orders.ts
<<<<<<< SEARCH
import { db } from "./db.ts";   
=======
import { db } from "./db.ts";
import { logger } from "./logger.ts";
>>>>>>> REPLACE
\`\`\`

\`\`\`
src/orders.ts
<<<<<<< SEARCH
    console.log("placing order", id);
    db.insert(id);
=======
    logger.info("placing order", { id });
    db.insert(id);
>>>>>>> REPLACE
\`\`\`

\`\`\`
src/orders.ts
<<<<<<< SEARCH
    console.log("cancelling order", id);
=======
    logger.info("cancelling order", { id });
>>>>>>> REPLACE
\`\`\`
`;

/** Well-formed blocks whose SEARCH is not in the file (the model misremembered a name). */
export const wrongReply = `src/orders.ts
<<<<<<< SEARCH
  console.log("placing order", orderId);
=======
  logger.info("placing order", { orderId });
>>>>>>> REPLACE
`;

/** Prose, no blocks. */
export const malformedReply = "Sure! You should replace each console.log call with logger.info and import the logger at the top.";

/** A block cut off mid-way (as when the output-token limit is hit). */
export const truncatedReply = `src/orders.ts
<<<<<<< SEARCH
  console.log("placing order", id);
=======
  logger.info("plac`;
