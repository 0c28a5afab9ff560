import type { Random } from "./random.ts";

/** One block as the model writes it. */
export interface ReplyBlock {
  path: string;
  search: readonly string[];
  replace: readonly string[];
}

/** How the reply is dressed: the plain format, or with the markdown models add around it. */
export type ReplyStyle = "plain" | "fenced" | "bold-path" | "heading-path" | "fence-info" | "chatty";

const styles: readonly ReplyStyle[] = ["plain", "fenced", "bold-path", "heading-path", "fence-info", "chatty"];

/** A random style. */
export function randomStyle(random: Random): ReplyStyle {
  return random.pick(styles);
}

const section = (lines: readonly string[]): string => lines.map((l) => `${l}\n`).join("");

/** Writes blocks as a model's reply in a style; with `pathOnce`, the path is written only before the first block of a run for one file. */
export function renderReply(blocks: readonly ReplyBlock[], style: ReplyStyle, pathOnce = false): string {
  let text = style === "chatty" ? "Sure! Here are the changes you asked for.\n\n" : "";
  let previous: string | undefined;
  for (const block of blocks) {
    const body = `<<<<<<< SEARCH\n${section(block.search)}=======\n${section(block.replace)}>>>>>>> REPLACE\n`;
    const showPath = !(pathOnce && previous === block.path);
    previous = block.path;
    switch (style) {
      case "plain":
        text += `${showPath ? `${block.path}\n` : ""}${body}\n`;
        break;
      case "fenced":
        text += `${showPath ? `${block.path}\n` : ""}\`\`\`typescript\n${body}\`\`\`\n\n`;
        break;
      case "bold-path":
        text += `${showPath ? `**${block.path}**\n` : ""}\`\`\`ts\n${body}\`\`\`\n\n`;
        break;
      case "heading-path":
        text += `${showPath ? `### \`${block.path}\`\n\n` : ""}\`\`\`\n${body}\`\`\`\n\n`;
        break;
      case "fence-info":
        text += `\`\`\`ts ${block.path}\n${body}\`\`\`\n\n`;
        break;
      case "chatty":
        text += `${showPath ? `File: \`${block.path}\`\n` : "Then, in the same file:\n\n"}\`\`\`ts\n${body}\`\`\`\nThis keeps the behaviour the same.\n\n`;
        break;
    }
  }
  return text;
}
