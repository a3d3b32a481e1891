import fc from 'fast-check';

const zeroWidth = fc.constantFrom('\u200b', '\u200c', '\u200d', '\u2060', '\ufeff');
const rightToLeft = fc.constantFrom('\u202e', '\u202b', '\u200f', 'שלום', 'مرحبا', 'ܫܠܡܐ');
const injection = fc.constantFrom(
  '@everyone',
  '@here',
  '<@&123456789012345678>',
  '<@123456789012345678>',
  '<@!123456789012345678>',
  '<#123456789012345678>',
  'https://evil.example/x',
  '[click](https://evil.example)',
  '```js\nalert(1)\n```',
  '||spoiler||',
  '# heading',
  '> quote',
  '**bold**',
  '\n\n\n',
);
const words = fc.constantFrom(
  'vpc',
  'direct connect',
  'bandwidth',
  'route 53',
  'what is',
  'cloudfront',
  'DX',
);
/**
 * Text a student, a prankster or a broken client might send: any graphemes and bytes, zero-width and
 * right-to-left characters, mentions and markdown, and pastes of up to 6000 characters.
 */
export const hostileText = fc.oneof(
  fc.lorem(),
  fc.string({ unit: 'grapheme', maxLength: 6000 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc
    .array(fc.oneof(zeroWidth, rightToLeft, injection, words), { maxLength: 30 })
    .map((parts) => parts.join(' ')),
  fc.array(fc.oneof(zeroWidth, words), { maxLength: 20 }).map((parts) => parts.join('')),
  fc.string({ unit: fc.constantFrom(...'!?.,;:-_*~`|<>@#&()[]{}/\\\'"'), maxLength: 300 }),
  fc
    .tuple(words, fc.integer({ min: 1000, max: 6000 }))
    .map(([word, length]) => `${word} `.repeat(length).slice(0, length)),
);
