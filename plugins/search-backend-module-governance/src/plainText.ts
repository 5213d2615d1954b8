import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';

/** A node of the Markdown syntax tree, as far as the walk below needs it. */
type MarkdownNode = {
  type: string;
  depth?: number;
  children?: MarkdownNode[];
};

/** Blocks that only hold other blocks: their children are read one by one. */
const containers = new Set([
  'root',
  'blockquote',
  'list',
  'listItem',
  'table',
  'tableRow',
  'footnoteDefinition',
]);

/** Blocks with no text a reader sees: raw HTML, link definitions, rules. */
const unread = new Set(['html', 'definition', 'thematicBreak']);

function collectBlocks(node: MarkdownNode, out: string[]) {
  if (unread.has(node.type)) return;
  if (containers.has(node.type)) {
    for (const child of node.children ?? []) collectBlocks(child, out);
    return;
  }
  // A paragraph, heading, table cell or code block: its text, on one line.
  const text = toString(node as Parameters<typeof toString>[0], {
    includeHtml: false,
  })
    .split(/\s+/)
    .filter(Boolean)
    .join(' ');
  if (text) out.push(text);
}

/**
 * An ADR's Markdown as the text a reader sees, for the search index and its
 * snippets: no `#`, `*`, backticks, link targets, table pipes or raw HTML;
 * one block per line. A leading `# Title` equal to the ADR's title is left
 * out, since search results show the title already.
 */
export function markdownToPlainText(
  markdown: string,
  options: { title?: string } = {},
): string {
  const tree = fromMarkdown(markdown, {
    extensions: [gfm()],
    mdastExtensions: [gfmFromMarkdown()],
  }) as MarkdownNode;
  const children = [...(tree.children ?? [])];
  const first = children[0];
  if (
    first?.type === 'heading' &&
    first.depth === 1 &&
    options.title !== undefined &&
    toString(first as Parameters<typeof toString>[0]).trim() === options.title
  ) {
    children.shift();
  }
  const blocks: string[] = [];
  for (const child of children) collectBlocks(child, blocks);
  return blocks.join('\n');
}
