/**
 * Figures with units ("50 Mbps", "10 Gbps", "5 TB") in questions and chunks, so a question that asks for
 * "less than 1 Gbps" finds the section that states a figure below it ("from 50 Mbps"), not the one that
 * repeats "1 Gbps". Knows SI units and English comparisons, never a course's vocabulary.
 */

/** What a figure measures. */
export type Dimension = 'rate' | 'size';

/** A figure in base units: bits per second, or bytes. */
export interface Quantity {
  value: number;
  dimension: Dimension;
}

/** How a question's figure bounds the answer: "under 1 Gbps" is `below`, "1 Gbps" is `equal`. */
export type Comparison = 'below' | 'atMost' | 'equal' | 'atLeast' | 'above';

/** A figure a question asks about, and how the answer's figures must compare with it. */
export interface AskedQuantity extends Quantity {
  comparison: Comparison;
  /** The number as written ("1", "1.5"). */
  number: string;
  /** The words that compare ("less than", "sub"); empty for `equal`. */
  comparing: string;
  /** The unit as written ("Gbps"). */
  unit: string;
}

/** A chunk's figures, and the ranges it states ("from 50 Mbps to 100 Gbps"). */
export interface StatedQuantities {
  values: Quantity[];
  ranges: { low: Quantity; high: Quantity }[];
}

const PREFIX: Readonly<Record<string, number>> = { '': 1, k: 1e3, m: 1e6, g: 1e9, t: 1e12, p: 1e15, e: 1e18 };
const PREFIX_WORD: Readonly<Record<string, string>> = {
  kilo: 'k',
  mega: 'm',
  giga: 'g',
  tera: 't',
  peta: 'p',
  exa: 'e',
};

/** A number, then a unit: "50 Mbps", "1Gbps", "10 gigabits per second", "5 TB", "200 gigabytes". */
const FIGURE =
  /(\d+(?:[.,]\d+)*)\s*(?:([kmgtpe])(bps|bit\/s|b\/s|bits?|b|bytes?)|(kilo|mega|giga|tera|peta|exa)(bits?|bytes?)(?:\s+per\s+second)?|(bps|bytes))(?![\p{L}\d])/giu;

/** Words before a figure that bound it. */
const COMPARISONS: readonly [RegExp, Comparison][] = [
  [/\b(up\s+to|at\s+most|no\s+more\s+than|not\s+more\s+than|maximum\s+of|max)\s*$/i, 'atMost'],
  [/\b(at\s+least|no\s+less\s+than|minimum\s+of|min)\s*$/i, 'atLeast'],
  [
    /(\bsub|\bunder|\bbelow|\bless\s+than|\blower\s+than|\bslower\s+than|\bsmaller\s+than|\bfewer\s+than|\bbeneath|<)\s*-?\s*$/i,
    'below',
  ],
  [
    /(\bover|\babove|\bmore\s+than|\bgreater\s+than|\bhigher\s+than|\bfaster\s+than|\blarger\s+than|\bbigger\s+than|\bbeyond|\bexceeding|\bin\s+excess\s+of|>)\s*$/i,
    'above',
  ],
];

interface Found extends Quantity {
  number: string;
  unit: string;
  start: number;
  end: number;
}

function findFigures(text: string): Found[] {
  const found: Found[] = [];
  for (const match of text.matchAll(FIGURE)) {
    const number = Number(match[1]!.replace(/,(?=\d{3}\b)/g, '').replace(',', '.'));
    if (!Number.isFinite(number)) continue;
    const prefix = (match[2] ?? PREFIX_WORD[(match[4] ?? '').toLowerCase()] ?? '').toLowerCase();
    const unit = match[3] ?? match[5] ?? match[6]!;
    // A rate is bits per second; "Gbit" and "Gb" are bits; "GB", "gb" and "gigabytes" are bytes.
    const isRate = /bps|\/s|per\s+second/i.test(match[0]);
    const isBit =
      /bit/i.test(unit) || (unit === 'b' && match[2] !== undefined && match[2] !== match[2].toLowerCase());
    const isByte = !isRate && !isBit;
    const value = number * PREFIX[prefix]!;
    found.push({
      value: isRate || isByte ? value : value / 8,
      dimension: isRate ? 'rate' : 'size',
      number: match[1]!,
      unit: match[0].slice(match[1]!.length).trim(),
      start: match.index,
      end: match.index + match[0].length,
    });
  }
  return found;
}

/**
 * The figures a question asks about, each with the comparison the words before it make.
 *
 * @param question The question (or its ask).
 */
export function askedQuantities(question: string): AskedQuantity[] {
  return findFigures(question).map(({ value, dimension, number, unit, start }) => {
    const before = question.slice(Math.max(0, start - 24), start);
    for (const [pattern, comparison] of COMPARISONS) {
      const found = pattern.exec(before);
      if (found !== null) return { value, dimension, comparison, number, unit, comparing: found[0] };
    }
    return { value, dimension, comparison: 'equal' as const, number, unit, comparing: '' };
  });
}

/**
 * The figures a text states, and its ranges ("from A to B", "between A and B", "A–B").
 *
 * @param text A chunk's text.
 */
export function statedQuantities(text: string): StatedQuantities {
  const figures = findFigures(text);
  const ranges: StatedQuantities['ranges'] = [];
  for (let i = 1; i < figures.length; i++) {
    const [low, high] = [figures[i - 1]!, figures[i]!];
    const between = text.slice(low.end, high.start);
    if (low.dimension === high.dimension && /^\s*(to|and|-|–|—)\s*$/i.test(between)) {
      ranges.push({ low, high });
    }
  }
  return { values: figures.map(({ value, dimension }) => ({ value, dimension })), ranges };
}

/** Each chunk's figures, read once. */
const statedByChunk = new WeakMap<object, StatedQuantities>();

/**
 * Does a chunk state figures that meet every figure asked: one on the asked side of each, or a range that
 * holds it?
 *
 * @param chunk Anything with a text, read once per object.
 */
export function meetsQuantities(chunk: { text: string }, asked: readonly AskedQuantity[]): boolean {
  let stated = statedByChunk.get(chunk);
  if (stated === undefined) statedByChunk.set(chunk, (stated = statedQuantities(chunk.text)));
  const figures = stated;
  return figures.values.length > 0 && asked.every((quantity) => meetsQuantity(figures, quantity));
}

function meetsQuantity(stated: StatedQuantities, asked: AskedQuantity): boolean {
  const same = (quantity: Quantity): boolean => quantity.dimension === asked.dimension;
  const isNear = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(a, b);
  const meets = (value: number): boolean => {
    switch (asked.comparison) {
      case 'below':
        return value < asked.value && !isNear(value, asked.value);
      case 'above':
        return value > asked.value && !isNear(value, asked.value);
      case 'atMost':
        return value <= asked.value || isNear(value, asked.value);
      case 'atLeast':
        return value >= asked.value || isNear(value, asked.value);
      case 'equal':
        return isNear(value, asked.value);
    }
  };
  if (stated.values.some((quantity) => same(quantity) && meets(quantity.value))) return true;
  return stated.ranges.some(
    ({ low, high }) =>
      same(low) && asked.comparison === 'equal' && low.value <= asked.value && asked.value <= high.value,
  );
}
