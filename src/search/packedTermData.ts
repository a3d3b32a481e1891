import type { TermData } from './miniSearchIndex.js';

/** Documents of a term in one field: short id → occurrences. */
type FieldDocuments = Map<number, number>;

/**
 * A term's documents per field (`TermData`) kept as the numbers a snapshot holds them in, and made into
 * maps only when first used. A saved index holds every term of the library, a question uses a few, so a
 * start from it skips making (and collecting) millions of map entries; a term costs its unpacking once,
 * on the first question that uses it.
 *
 * The numbers, from `at`: the field count, then per field its id, its document count and each document's
 * short id and occurrences.
 */
export class PackedTermData extends Map<number, FieldDocuments> implements TermData {
  #numbers: Int32Array | null;
  readonly #at: number;

  constructor(numbers: Int32Array, at: number) {
    super();
    this.#numbers = numbers;
    this.#at = at;
  }

  /**
   * Where the numbers of the term packed at `at` end.
   *
   * @returns -1 when they run past the end of `numbers` (or a count is negative).
   */
  static end(numbers: Int32Array, at: number): number {
    let next = at;
    if (next >= numbers.length) return -1;
    for (let fields = numbers[next++]!; fields > 0; fields--) {
      if (next + 2 > numbers.length || numbers[next + 1]! < 0) return -1;
      next += 2 + 2 * numbers[next + 1]!;
    }
    return next > numbers.length ? -1 : next;
  }

  /** The numbers of a term not unpacked yet (to save it as it is), or null once it is maps. */
  packed(): Int32Array | null {
    const numbers = this.#numbers;
    return numbers === null ? null : numbers.subarray(this.#at, PackedTermData.end(numbers, this.#at));
  }

  #unpack(): void {
    const numbers = this.#numbers;
    if (numbers === null) return;
    this.#numbers = null;
    let at = this.#at;
    for (let fields = numbers[at++]!; fields > 0; fields--) {
      const fieldId = numbers[at++]!;
      const documents: FieldDocuments = new Map();
      for (let count = numbers[at++]!; count > 0; count--, at += 2)
        documents.set(numbers[at]!, numbers[at + 1]!);
      super.set(fieldId, documents);
    }
  }

  override get size(): number {
    this.#unpack();
    return super.size;
  }

  override get(fieldId: number): FieldDocuments | undefined {
    this.#unpack();
    return super.get(fieldId);
  }

  override has(fieldId: number): boolean {
    this.#unpack();
    return super.has(fieldId);
  }

  override set(fieldId: number, documents: FieldDocuments): this {
    this.#unpack();
    return super.set(fieldId, documents);
  }

  override delete(fieldId: number): boolean {
    this.#unpack();
    return super.delete(fieldId);
  }

  override clear(): void {
    this.#numbers = null;
    super.clear();
  }

  override forEach(
    callback: (documents: FieldDocuments, fieldId: number, map: Map<number, FieldDocuments>) => void,
    thisArg?: unknown,
  ): void {
    this.#unpack();
    super.forEach(callback, thisArg);
  }

  override entries(): MapIterator<[number, FieldDocuments]> {
    this.#unpack();
    return super.entries();
  }

  override keys(): MapIterator<number> {
    this.#unpack();
    return super.keys();
  }

  override values(): MapIterator<FieldDocuments> {
    this.#unpack();
    return super.values();
  }

  override [Symbol.iterator](): MapIterator<[number, FieldDocuments]> {
    this.#unpack();
    return super[Symbol.iterator]();
  }
}
