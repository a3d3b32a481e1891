/**
 * How rare a term is across chunks, the weight every ranking step gives it: `log(1 + chunks / frequency)`.
 * A term in every chunk weighs about 0.7, a term in one chunk of thousands about 8.
 *
 * @param chunkCount Chunks in the index.
 * @param frequency Chunks holding the term; 0 (an unknown word) counts as 1, the rarest.
 */
export function rarity(chunkCount: number, frequency: number): number {
  return Math.log(1 + chunkCount / Math.max(1, frequency));
}
