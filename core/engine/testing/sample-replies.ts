/** Test helper: model replies for the sample app's migration, right, drifted, wrong and broken. */

/** Every site of the sample app migrated in one step (inventory.js and report.js). */
export const correctReply = `Here are the edits.

src/inventory.js
<<<<<<< SEARCH
      console.warn("ignoring non-positive quantity", sku, quantity);
=======
      logger.warn("ignoring non-positive quantity", { sku, quantity });
>>>>>>> REPLACE

src/inventory.js
<<<<<<< SEARCH
    console.log("added", sku, quantity);
=======
    logger.info("added", { sku, quantity });
>>>>>>> REPLACE

src/inventory.js
<<<<<<< SEARCH
      console.error("not enough stock", sku);
=======
      logger.error("not enough stock", { sku });
>>>>>>> REPLACE

src/report.js
<<<<<<< SEARCH
  console.log("report lines", lines.length);
=======
  logger.info("report lines", { count: lines.length });
>>>>>>> REPLACE
`;

/** The same edits with the indentation the model got wrong: the loose matcher still places them. */
export const driftedReply = correctReply
  .replace(`      console.warn("ignoring`, `  console.warn("ignoring`)
  .replace(`      logger.warn("ignoring`, `  logger.warn("ignoring`)
  .replace(`    console.log("added"`, `\tconsole.log("added"`)
  .replace(`    logger.info("added"`, `\tlogger.info("added"`);

/** Edits whose SEARCH text is not in the file. */
export const wrongReply = `src/inventory.js
<<<<<<< SEARCH
    console.debug("never there");
=======
    logger.debug("never there");
>>>>>>> REPLACE
`;

/** Prose without any block. */
export const malformedReply = "Sure! You should replace the console calls with the logger; that will make logs structured.";

/** Edits that apply but break a test: report() returns something else. */
export const breakingReply = `src/report.js
<<<<<<< SEARCH
  console.log("report lines", lines.length);
  return lines.join("\\n");
=======
  logger.info("report lines", { count: lines.length });
  return lines.join(", ");
>>>>>>> REPLACE
`;

/** A block that writes outside the repository: refused by core/edits, never written anywhere. */
export const outsideReply = `../outside.js
<<<<<<< SEARCH
=======
export const owned = true;
>>>>>>> REPLACE
`;
