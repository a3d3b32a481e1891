import type { Answer } from '../answer/answer.js';

/** Options of `formatTerminal`. */
export interface TerminalOptions {
  /** Column at which explanations wrap. */
  width: number;
  /** Use ANSI bold and dim. */
  isColor: boolean;
}

const defaultTerminalOptions: TerminalOptions = { width: 80, isColor: false };

/**
 * Render an answer for a terminal: each hit's heading trail, then its explanation wrapped to the width;
 * or "not covered" with suggestions.
 */
export function formatTerminal(answer: Answer, options: Partial<TerminalOptions> = {}): string {
  const { width, isColor } = { ...defaultTerminalOptions, ...options };
  const bold = (text: string): string => (isColor ? `\u001b[1m${text}\u001b[22m` : text);
  const dim = (text: string): string => (isColor ? `\u001b[2m${text}\u001b[22m` : text);
  if (answer.kind === 'noMatch') {
    const head =
      answer.reason === 'empty'
        ? `Ask a question, for example: npm run ask -- "${(answer.suggestions[0]?.label.split(' › ').at(-1) ?? 'your question').toLowerCase()}"`
        : `Not covered: the chapters say nothing clear about "${answer.query}".`;
    const lines = [
      head,
      '',
      'Did you mean one of these?',
      ...answer.suggestions.map((s) => `  • ${s.label}`),
    ];
    return `${lines.join('\n')}\n`;
  }
  const blocks = answer.hits.map((hit, index) => {
    const trail = `${index + 1}. ${bold(hit.chunk.headings.join(' › '))}`;
    const body = hit.chunk.text
      .split('\n')
      .map((line) => wrap(line, width - 3, '   '))
      .join('\n');
    const source = dim(`   ${hit.chunk.source.file}:${hit.chunk.source.line}`);
    return `${trail}\n${body}\n${source}`;
  });
  const note =
    answer.verdict === 'closest'
      ? 'Not covered in detail: the chapters do not say exactly that. Closest sections:\n\n'
      : '';
  return `${note}${blocks.join('\n\n')}\n`;
}

/** Wrap a line at word boundaries, indenting every line. */
/** Wrap a line of text at spaces to `width` columns, each line after `indent`. */
export function wrap(line: string, width: number, indent: string): string {
  const words = line.split(' ').filter((word) => word !== '');
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    if (current !== '' && current.length + 1 + word.length > Math.max(20, width)) {
      lines.push(current);
      current = word;
    } else {
      current = current === '' ? word : `${current} ${word}`;
    }
  }
  if (current !== '') lines.push(current);
  return lines.map((text) => indent + text).join('\n');
}
