/** One SEARCH/REPLACE block as the model wrote it: replace the lines `search` in `path` with `replace`. */
export interface EditBlock {
  /** 1-based position among the blocks of the edit text (malformed blocks count too), used in every message. */
  index: number;
  /** The path as written after removing markdown decoration; checked for safety when applied. */
  path: string;
  /** Lines between `<<<<<<< SEARCH` and `=======`; empty to create a file. */
  search: string[];
  /** Lines between `=======` and `>>>>>>> REPLACE`; empty to delete the matched lines. */
  replace: string[];
  /** 1-based line of the `<<<<<<< SEARCH` marker in the edit text. */
  line: number;
}

/** A block the parser could not read, with what is missing, so the model can resend it. */
export interface EditParseError {
  /** The block's 1-based index, or undefined for a stray marker outside any block. */
  block: number | undefined;
  /** 1-based line in the edit text where the problem is. */
  line: number;
  /** What is wrong and what to resend, one sentence. */
  message: string;
}

/** What {@link parseEditBlocks} returns: the well-formed blocks and one error per malformed one. */
export interface ParsedEdits {
  blocks: EditBlock[];
  errors: EditParseError[];
}
