import { describe, expect, it } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import { formatTerminal } from '../../src/cli/formatTerminal.js';
import { shippedIndex } from '../helpers.js';

const index = shippedIndex();

describe('formatTerminal', () => {
  const answered = answer(index, 'what is Direct Connect bandwidth');
  const closest = answer(index, 'How are Route 53 name servers priced per zone?');

  it('marks a closest answer with a header line, and an answered one without', () => {
    expect(formatTerminal(closest)).toMatch(/^Not covered in detail: .*\n\n1\. /);
    expect(formatTerminal(answered)).toMatch(/^1\. /);
  });

  it('takes its example question from the loaded chapters', () => {
    const example = index.services[0]!.title.toLowerCase();
    expect(formatTerminal(answer(index, ''))).toContain(`npm run ask -- "${example}"`);
  });
});
