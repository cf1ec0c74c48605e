// The configuration files docs/babel-plugin.md shows, read from the page
// itself, so that the build tests write into their projects exactly what a
// reader copies: a recipe that stops working fails a test.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "./package-sandbox.js";

export const RECIPES_PAGE = join(REPO_ROOT, "docs/babel-plugin.md");

interface CodeBlock {
  section: string;
  lines: string[];
}

function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  let section = "";
  let open: CodeBlock | null = null;
  for (const line of markdown.split("\n")) {
    if (open) {
      if (line.startsWith("```")) {
        blocks.push(open);
        open = null;
      } else {
        open.lines.push(line);
      }
    } else if (line.startsWith("```")) {
      open = { section, lines: [] };
    } else if (line.startsWith("## ")) {
      section = line.slice(3).trim();
    }
  }
  return blocks;
}

/**
 * The code block under the `## section` heading whose first line is
 * `firstLine` (the recipes name their file in a first comment line,
 * `// webpack.config.js`), with a final newline.
 */
export function docRecipe(section: string, firstLine: string): string {
  const matches = codeBlocks(readFileSync(RECIPES_PAGE, "utf8")).filter((b) => b.section === section && b.lines[0] === firstLine);
  if (matches.length !== 1) {
    throw new Error(`docs/babel-plugin.md has ${matches.length} code blocks in "## ${section}" starting ${JSON.stringify(firstLine)}, not one`);
  }
  return matches[0].lines.join("\n") + "\n";
}
