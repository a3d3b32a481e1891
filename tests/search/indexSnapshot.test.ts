import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answer } from '../../src/answer/answer.js';
import { toAnswerJson } from '../../src/answer/answerJson.js';
import { parseEvalQuestions } from '../../src/eval/scoreQuestions.js';
import { readSnapshot, SnapshotError, writeSnapshot } from '../../src/search/indexSnapshot.js';
import { ROOT, shippedIndex } from '../helpers.js';

const questions = readdirSync(`${ROOT}tests/fixtures/eval`)
  .filter((file) => file.endsWith('.jsonl'))
  .flatMap((file) =>
    parseEvalQuestions(readFileSync(`${ROOT}tests/fixtures/eval/${file}`, 'utf8'), file).map((q) => q.q),
  );

describe('writeSnapshot and readSnapshot', () => {
  it('give back an index that answers every eval question exactly as the original', () => {
    const index = shippedIndex();
    const restored = readSnapshot(writeSnapshot(index));
    for (const question of questions) {
      expect(toAnswerJson(answer(restored, question, { limit: 50 }))).toEqual(
        toAnswerJson(answer(index, question, { limit: 50 })),
      );
    }
  });

  it('keep MiniSearch index, postings and vocabulary as they were, to the last bit', () => {
    const index = shippedIndex();
    const restored = readSnapshot(writeSnapshot(index));
    expect(JSON.stringify(restored.miniSearch)).toBe(JSON.stringify(index.miniSearch));
    expect(restored.postings).toEqual(index.postings);
    expect(restored.tokenizer.vocabulary.toJSON()).toEqual(index.tokenizer.vocabulary.toJSON());
    expect(restored.ids).toEqual(index.ids);
    // The same chapters, key for key in the same order (answers print them).
    expect(JSON.stringify(restored.chapters)).toBe(JSON.stringify(index.chapters));
    expect(restored.services).toEqual(index.services);
    expect(restored.foreignTerms).toEqual(index.foreignTerms);
  });

  it('save an index read from a snapshot to the same bytes, its terms still packed or not', () => {
    const bytes = writeSnapshot(shippedIndex());
    const restored = readSnapshot(bytes);
    expect(Buffer.from(writeSnapshot(restored)).equals(Buffer.from(bytes))).toBe(true);
    // Questions unpack the terms they use; the rest are saved as they were read.
    answer(restored, 'what is Direct Connect bandwidth');
    expect(Buffer.from(writeSnapshot(restored)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('refuses a truncated snapshot', () => {
    const bytes = writeSnapshot(shippedIndex());
    for (const length of [0, 10, 100, Math.floor(bytes.length / 2), bytes.length - 1]) {
      expect(() => readSnapshot(bytes.subarray(0, length))).toThrow(SnapshotError);
    }
  });

  it('refuses bytes of another kind or version', () => {
    const bytes = writeSnapshot(shippedIndex());
    const other = Uint8Array.from(bytes);
    other[10] = '9'.charCodeAt(0);
    expect(() => readSnapshot(other)).toThrow(/not an index snapshot of this version/);
    expect(() => readSnapshot(new TextEncoder().encode('{"hello": "world"}'))).toThrow(SnapshotError);
  });
});
