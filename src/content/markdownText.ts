import type { List, ListItem, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';

/** Longest feature title a bold lead may produce; a longer lead is a sentence, not a title. */
const FEATURE_TITLE_MAX = 80;

const toStringOptions = { includeImageAlt: false, includeHtml: false };

/** The plain text of mdast nodes: no markup, no image URLs or alt text, whitespace collapsed. */
export function plainText(nodes: readonly (RootContent | PhrasingContent)[]): string {
  return collapse(nodes.map((node) => toString(node, toStringOptions)).join(''));
}

/** Collapse runs of whitespace to one space and trim. */
function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A heading's text without a trailing colon: "Amazon Route 53:" → "Amazon Route 53". */
export function headingTitle(text: string): string {
  return collapse(text).replace(/\s*:+$/, '');
}

/**
 * The label a paragraph carries, such as `**Key Feature:**`: bold text ending in a colon, either as the
 * whole paragraph or glued to its end on a line of its own. Labels are structure, not text.
 *
 * @returns The label without its colon and the paragraph's remaining inline nodes, or null when unlabelled.
 */
export function splitLabel(paragraph: Paragraph): { label: string; rest: PhrasingContent[] } | null {
  const children = trimInline(paragraph.children);
  const last = children.at(-1);
  if (last?.type !== 'strong') return null;
  const label = plainText([last]);
  if (!label.endsWith(':')) return null;
  const rest = children.slice(0, -1);
  const before = rest.at(-1);
  // Glued labels sit on their own line; bold text ending a sentence mid-line is emphasis, not a label.
  const isOnOwnLine =
    before === undefined ||
    before.type === 'break' ||
    (before.type === 'text' && /\n\s*$/.test(before.value));
  if (!isOnOwnLine) return null;
  return { label: headingTitle(label), rest };
}

/**
 * A list item that starts with a bold lead and a colon is a feature: its title is the whole lead up to the
 * first colon (`**High Availability** and Reliability: …` → "High Availability and Reliability") and its
 * text is everything after the colon, nested blocks included.
 *
 * @returns The title and text, or null when the item is plain prose.
 */
export function splitFeature(item: ListItem): { title: string; text: string } | null {
  const [first, ...others] = item.children;
  if (first?.type !== 'paragraph') return null;
  const inline = trimInline(first.children);
  if (inline[0]?.type !== 'strong') return null;
  const leadText = inline.map((node) => toString(node, toStringOptions)).join('');
  const colon = leadText.indexOf(':');
  const boldLength = toString(inline[0], toStringOptions).length;
  // The colon must end the bold run or follow it closely; a colon deep in the sentence is not a lead.
  if (colon < 0 || colon > Math.max(boldLength, FEATURE_TITLE_MAX)) return null;
  const title = collapse(leadText.slice(0, colon));
  if (title === '' || title.length > FEATURE_TITLE_MAX || /\/\/$/.test(leadText.slice(0, colon + 3))) {
    return null;
  }
  const text = [collapse(leadText.slice(colon + 1)), ...others.map(blockText)]
    .filter((part) => part !== '')
    .join('\n');
  return { title, text };
}

/** The plain text of a block: list items become "- " lines, nested lists indented. */
export function blockText(node: RootContent): string {
  switch (node.type) {
    case 'list':
      return listText(node);
    case 'code':
      return node.value.trim();
    case 'html':
    case 'thematicBreak':
    case 'definition':
    case 'footnoteDefinition':
    case 'yaml':
      return '';
    default:
      return plainText([node]);
  }
}

function listText(list: List, indent = ''): string {
  return list.children
    .map((item) =>
      item.children
        .map((child, index) => {
          if (child.type === 'list') return listText(child, `${indent}  `);
          const text = blockText(child);
          return text === '' ? '' : index === 0 ? `${indent}- ${text}` : `${indent}  ${text}`;
        })
        .filter((line) => line !== '')
        .join('\n'),
    )
    .filter((line) => line !== '')
    .join('\n');
}

function trimInline(children: PhrasingContent[]): PhrasingContent[] {
  const result = [...children];
  while (isBlank(result.at(-1))) result.pop();
  while (isBlank(result[0])) result.shift();
  return result;
}

function isBlank(node: PhrasingContent | undefined): boolean {
  return node !== undefined && node.type === 'text' && node.value.trim() === '';
}
