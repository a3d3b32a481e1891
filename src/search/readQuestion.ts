/**
 * What a question asks, read from its wording alone: which sentence is the ask, what is scenario, and what
 * shape of answer it wants. Knows English question forms and exam phrasing, never a course's vocabulary.
 */

import { QUESTION_FILLER, STOPWORDS } from './stopwords.js';
import { splitWords } from './tokenizer.js';

/** The kind of answer a question's wording asks for. */
export type QuestionShape =
  /** Anything else: rank the sections that hold the question. */
  | 'plain'
  /** "what is X", "define X": a definition, which overviews give. */
  | 'definition'
  /** "which service / component / feature …": one service, answered by its overview first. */
  | 'whichService'
  /** "difference between A and B", "A vs B": the best section of each side. */
  | 'difference';

/** A question split into what it asks and the scenario around it. */
export interface QuestionParts {
  /** The ask: the last question sentence, with exam frames ("True or False?", "Which statement…") removed. */
  ask: string;
  /** Scenario sentences before (or after) the ask; empty for a one-sentence question. */
  context: string;
  shape: QuestionShape;
  /** For a `difference` question, the two things compared. */
  sides: [string, string] | null;
  /**
   * What kind of thing "which …" asks for, when it is not a service: "Which wick type…" → "wick
   * policy". A section whose title names it is an instance of the answer.
   */
  answerType: string;
  /**
   * What the answer must be an instance of, as the question names it: the `answerType`, or the words
   * qualifying "which … service / feature" ("EC2" in "Which EC2 feature…", the vendor's name in "Which
   * <vendor> service…"). Empty when the question names no kind.
   */
  kind: string;
}

/** Exam instructions and frames that say how to answer, never what about. */
const EXAM_FRAMES: readonly RegExp[] = [
  /\(\s*(choose|select|pick)\b[^)]*\)/gi,
  /\b(choose|select|pick)\s+(one|two|three|four|\d)\b\.?/gi,
  /\btrue\s*(or|of|\/|-)\s*false\b\s*[?:.-]?/gi,
  /(^|\s)t\s*\/\s*f\b\s*[?:.-]?/gi,
  /\b(?<=which\s+)(one\s+)?of\s+the\s+following(\s+(statements?|options?|answers?|choices?))?/gi,
  /\b(?<=which\s+)of\s+these\b/gi,
  /\bwhich\s+statements?\s+((is|are)\s+)?(best\s+|most\s+accurately\s+|correctly\s+)?(describes?|explains?|defines?|summari[sz]es?)\b/gi,
  /\b(is|are)\s+(true|correct|accurate)\s+(about|of|regarding|for)\b/gi,
  /\b(meets?|satisf(y|ies)|fulfils?|fulfills?|achieves?)\s+(th(ese|is|e)|all\s+th(ese|e))\s+(business\s+)?(requirements?|needs?|goals?|criteria)\b/gi,
  /\bsolutions?\s+architects?\b/gi,
  /\b(the\s+)?(most|least)\s+(cost[-\s]effective(ly)?|operationally\s+efficient|efficient|secure|likely|appropriate|suitable)\b/gi,
  /\b(least|minimal|minimum)\s+(operational|management|administrative)\s+(overhead|effort)\b/gi,
  /\b(root|likely|probable)\s+causes?\b/gi,
  /\bcombination\s+of\s+steps\b/gi,
  // "key benefit", "key characteristics": but a "private key" is a topic.
  /\bkey\s+(?=(benefits?|advantages?|characteristics?|features?|differences?|points?|considerations?|factors?)\b)/gi,
  /\b(deliver|achieve|accomplish|produce)\s+(that|this|the\s+(desired|required|expected))\s+(result|outcome|goal)\b/gi,
  /\bwhat\s+else\s+(needs|has)\s+to\s+be\s+done\b/gi,
  /\b(is|are)\s+(available|offered|provided|included|supported)\s+(with|in|by|for|from)\b/gi,
  /\bselect\s+the\s+best\s+answer\b/gi,
];

/** "A characteristic of X is that they:" asks about X. */
const CHARACTERISTIC_FRAME =
  /^\W*(an?|the|one)\s+(characteristic|property|feature|trait|attribute)s?\s+of\s+(.+?)\s+(is|are)\s+that\b.*$/i;

/** Nouns that say a service is wanted ("service", "component"…). */
const SERVICE_NOUN =
  '(?:services?|components?|features?|solutions?|connections?|connectivity\\s+methods?|technolog(?:y|ies)|tools?|products?|offerings?)';

/** The noun after "which" that says a service is wanted ("Which <vendor> service…", "Which component…"). */
const WHICH_SERVICE = new RegExp(
  `\\b(which|what)\\s+((?:\\S+\\s+){0,3}?)${SERVICE_NOUN}(?:\\s+(?:or|and|\\/)\\s+${SERVICE_NOUN})?\\b`,
  'i',
);

/** "Which wick type will…": the words between "which" and the verb. */
const WHICH_TYPE =
  /\bwhich\s+((?:[\p{L}\d-]+\s+){0,3}?[\p{L}\d-]+)\s+(?:is|are|was|were|will|would|should|can|could|may|might|must|do|does|did|has|have|to|(?:allow|let|provide|meet|help|support|offer|give|enable|store|use|run|send|route|record|scan|protect|filter|connect|deliver|reduce|improve|handle|manage|create|serve|work|need|require|operate|keep|control|block|cache)s?)\b/iu;
/** "…to which wick part?": the kind after a preposition that ends the question. */
const WHICH_TYPE_LAST =
  /\b(?:to|for|from|in|on|of|with|by|at|into|through|over)\s+which\s+((?:[\p{L}\d-]+\s+){0,2}[\p{L}\d-]+)\s*[?.!]?\s*$/iu;

/** Questions that ask what something is. */
const DEFINITION =
  /^\W*(what\s+(is|are|does)|what'?s|define|definition\s+of|meaning\s+of|explain|describe|tell\s+me\s+about)\b/i;

/** "difference between A and B", "A vs B", "A versus B", "A compared to B". */
const BETWEEN = /\bdifferences?\s+between\s+(.+?)\s+(?:and|vs\.?|versus)\s+(.+)$/i;
/** "How is A different from B", "How does A differ from B". */
const DIFFERENT =
  /^\W*(?:how|in\s+what\s+ways?|why)\s+(?:is|are|does|do)\s+(.+?)\s+(?:different|differs?)\s+(?:from|than|to)\s+(.+)$/i;
const VERSUS = /^(.+?)\s+(?:vs\.?|versus|compared\s+(?:to|with))\s+(.+)$/i;

/** Words that open a question sentence. */
const QUESTION_OPENER =
  /^\W*(which|what|how|why|when|where|who|whom|whose|can|could|does|do|did|is|are|was|were|should|would|will|may|might|has|have|explain|describe|define|name|list)\b/i;

/**
 * Read a question: split a long stem into its ask and its scenario, strip exam frames, and recognise the
 * shape of answer it wants.
 *
 * @param question The question as typed.
 */
export function readQuestion(question: string): QuestionParts {
  const sentences = splitSentences(question);
  // Each sentence is stripped when looking for the ask and again as the ask or the scenario.
  const stripped = new Map<string, string>();
  const strip = (sentence: string): string => {
    let text = stripped.get(sentence);
    if (text === undefined) stripped.set(sentence, (text = stripFrames(sentence)));
    return text;
  };
  let askIndex = -1;
  for (let i = sentences.length - 1; i >= 0 && askIndex < 0; i--) {
    const sentence = sentences[i]!;
    if (strip(sentence) === '') continue;
    if (sentence.includes('?') || QUESTION_OPENER.test(sentence)) askIndex = i;
  }
  if (askIndex < 0) {
    const last = sentences.findLastIndex((sentence) => strip(sentence) !== '');
    askIndex = Math.max(0, last);
  }
  // "How is this achieved?" points back: the sentence before it says what "this" is.
  if (askIndex > 0 && isAnaphoric(strip(sentences[askIndex]!))) {
    sentences.splice(askIndex - 1, 2, `${sentences[askIndex - 1]!} ${sentences[askIndex]!}`);
    askIndex--;
  }
  const raw = sentences[askIndex] ?? '';
  const characteristic = CHARACTERISTIC_FRAME.exec(raw);
  const framed = strip(characteristic?.[3] ?? raw);
  const whichService = WHICH_SERVICE.exec(framed);
  const isWhichService = whichService !== null;
  // The noun after "which" says what kind of answer is wanted, not what it is about.
  const ask = tidy(framed.replace(WHICH_SERVICE, (_, which: string, words: string) => `${which} ${words}`));
  const context = sentences
    .filter((_, i) => i !== askIndex)
    .map(strip)
    .filter((sentence) => sentence !== '')
    .join(' ');
  const sides = readSides(ask);
  const shape: QuestionShape =
    sides !== null
      ? 'difference'
      : isWhichService
        ? 'whichService'
        : DEFINITION.test(ask)
          ? 'definition'
          : 'plain';
  const answerType = isWhichService
    ? ''
    : ((WHICH_TYPE.exec(framed) ?? WHICH_TYPE_LAST.exec(framed))?.[1] ?? '');
  const kind = isWhichService ? tidy(whichService[2] ?? '') : answerType;
  return { ask, context, shape, sides, answerType, kind };
}

/** Words that point back to an earlier sentence. */
const POINTER = /\b(this|that|these|those|it|they|them|its|their)\b/i;

/**
 * A sentence that names nothing itself and points back ("How is this achieved?", "What are they used for?").
 *
 * @param text The sentence with its exam frames stripped: instructions point back too ("Which of these
 *   meets the requirements?"), and they ask about the whole scenario.
 */
function isAnaphoric(text: string): boolean {
  if (!POINTER.test(text)) return false;
  const topical = splitWords(text).filter((word) => !STOPWORDS.has(word) && !QUESTION_FILLER.has(word));
  return topical.length <= 1;
}

/** Sentences of a text: split at sentence ends and line breaks. */
function splitSentences(text: string): string[] {
  return text
    .replace(/[ \t]*\n[ \t]*(?=[a-z])/g, ' ')
    .split(/\n+|(?<=[.?!:])\s+(?=[^a-z\s])|(?<=\?)(?=[A-Z(])/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');
}

function stripFrames(sentence: string): string {
  let text = sentence;
  for (const frame of EXAM_FRAMES) text = text.replace(frame, ' ');
  return tidy(text);
}

/** One space between words, none before punctuation or at the ends. */
function tidy(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\s+([?.!,:;])/g, '$1')
    .replace(/^[\s?:.,;]+|[\s:,;]+$/g, '')
    .trim();
}

function readSides(ask: string): [string, string] | null {
  const match = BETWEEN.exec(ask) ?? DIFFERENT.exec(ask) ?? VERSUS.exec(ask);
  if (match === null) return null;
  const clean = (side: string): string =>
    side.replace(/^\W*(what\s+(is|are)\s+)?(the\s+)?/i, '').replace(/\W+$/, '');
  const [a, b] = [clean(match[1]!), clean(match[2]!)];
  return a === '' || b === '' ? null : [a, b];
}
