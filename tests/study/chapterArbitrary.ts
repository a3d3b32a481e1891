import fc from 'fast-check';
import type { ContentFile } from '../../src/content/chapter.js';
import {
  VENDORS,
  ROOTS,
  NAME_NOUNS,
  PRODUCTS,
  ADJECTIVES,
  NOUNS,
  NOUN_ALIASES,
  UNITS,
  NUMBERS,
  RARE,
  OBJECTS,
} from './chapterVocabulary.js';

/** What a generated chapter is known to say, to check cards against without the generator's help. */
export interface ChapterTruth {
  file: ContentFile;
  services: ServiceTruth[];
}

/** A generated service: its heading and every name by which the chapter calls it. */
export interface ServiceTruth {
  heading: string;
  /** Heading without acronym, distinctive name, acronym, glossary alias: what a stem must never show. */
  names: string[];
  features: { title: string; text: string; titleWords: string[] }[];
}

const pick = <T>(list: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...list);

/** One sentence of a feature explanation: a template and what fills it. */
const sentenceArbitrary = fc.record({
  template: fc.integer({ min: 0, max: 6 }),
  nameForm: fc.nat(),
  numbers: fc.uniqueArray(pick(NUMBERS), { minLength: 2, maxLength: 2 }),
  unit: pick(UNITS),
  products: fc.uniqueArray(pick(PRODUCTS), { minLength: 2, maxLength: 2 }),
  rare: pick(RARE),
  object: pick(OBJECTS),
  useAlias: fc.boolean(),
});

const featureArbitrary = fc.record({
  adjective: pick(ADJECTIVES),
  noun: pick(NOUNS),
  sentences: fc.array(sentenceArbitrary, { minLength: 1, maxLength: 3 }),
  /** Copy the explanation of an earlier feature (names swapped): twin explanations. */
  twinOf: fc.oneof({ arbitrary: fc.constant(null), weight: 8 }, { arbitrary: fc.nat(), weight: 1 }),
});

const serviceArbitrary = fc.record({
  root: pick(ROOTS),
  noun: fc.option(pick(NAME_NOUNS), { nil: null }),
  hasAcronym: fc.boolean(),
  alias: fc.option(fc.constantFrom('ZX', 'QX', 'KWX', 'TVX', 'NRX'), { nil: null }),
  features: fc.uniqueArray(featureArbitrary, {
    minLength: 2,
    maxLength: 6,
    selector: (feature) => `${feature.adjective} ${feature.noun}`,
  }),
});

/** A plan for a realistic chapter, rendered to markdown by `renderChapter`. */
const planArbitrary = fc.record({
  vendor: fc.option(pick(VENDORS), { freq: 4, nil: null }),
  depth: fc.constantFrom(2, 3),
  marker: fc.constantFrom('+', '-', '*'),
  keyFeaturesLabel: fc.boolean(),
  services: fc.uniqueArray(serviceArbitrary, {
    minLength: 3,
    maxLength: 6,
    selector: (service) => service.root,
  }),
});

type Plan = typeof planArbitrary extends fc.Arbitrary<infer T> ? T : never;

/** The forms in which explanations name a service; null where the service has none. */
interface Forms {
  full: string;
  name: string;
  acronym: string | null;
  acronyms: string | null;
  alias: string | null;
}

/**
 * Realistic markdown chapters: services with vendor prefixes and acronyms, feature lists with bold leads,
 * figures with units, products, rare words and glossary entries (service aliases, feature-word synonyms),
 * with some explanations copied between features. Each comes with what it is known to say.
 */
export function chapterArbitrary(file = 'generated.md'): fc.Arbitrary<ChapterTruth> {
  return planArbitrary.map((plan) => renderChapter(plan, file));
}

function renderChapter(plan: Plan, file: string): ChapterTruth {
  const aliases = new Set<string>();
  const glossary: string[] = [];
  const services: (ServiceTruth & { forms: Forms })[] = plan.services.map((service) => {
    const name = service.noun === null ? service.root : `${service.root} ${service.noun}`;
    const full = plan.vendor === null ? name : `${plan.vendor} ${name}`;
    const initials =
      name.split(' ').length > 1
        ? name
            .split(' ')
            .map((word) => word[0])
            .join('')
        : null;
    const acronym = service.hasAcronym ? initials : null;
    // Two services never share an alias; aliases end in letters no acronym has.
    const alias = service.alias !== null && !aliases.has(service.alias) ? service.alias : null;
    if (alias !== null) {
      aliases.add(alias);
      glossary.push(`  ${name}: [${alias}]`);
    }
    const heading = acronym === null ? full : `${full} (${acronym})`;
    const forms: Forms = { full, name, acronym, acronyms: acronym === null ? null : `${acronym}s`, alias };
    const names = [full, name, ...(acronym === null ? [] : [acronym]), ...(alias === null ? [] : [alias])];
    return { heading, names, forms, features: [] };
  });
  for (const [noun, alias] of Object.entries(NOUN_ALIASES))
    glossary.push(`  ${noun.toLowerCase()}: [${alias}]`);

  const written: { service: number; text: string }[] = [];
  plan.services.forEach((service, s) => {
    const truth = services[s]!;
    for (const feature of service.features) {
      const title = `${feature.adjective} ${feature.noun}`;
      const twin =
        feature.twinOf === null || written.length === 0 ? null : written[feature.twinOf % written.length]!;
      const text =
        twin === null
          ? feature.sentences
              .map((sentence) => renderSentence(sentence, truth.forms, plan, feature))
              .join(' ')
          : swapNames(twin.text, services[twin.service]!.forms, truth.forms);
      written.push({ service: s, text });
      const titleWords = [feature.adjective, feature.noun, NOUN_ALIASES[feature.noun]].filter(
        (word): word is string => word !== undefined,
      );
      truth.features.push({ title, text, titleWords });
    }
  });

  const depth = '#'.repeat(plan.depth);
  const body = [
    `${'#'.repeat(plan.depth - 1)} Introduction`,
    '',
    `This chapter introduces ${plan.vendor ?? 'several'} services for storing and moving data. Each one solves a different problem for teams.`,
    '',
    ...services.flatMap((service, s) => [
      `${depth} ${service.heading}`,
      '',
      `${service.forms.full} is a managed service that helps teams run ${OBJECTS[s % OBJECTS.length]} with less effort.`,
      '',
      ...(plan.keyFeaturesLabel ? ['**Key Features:**', ''] : []),
      ...service.features.map((feature) => `${plan.marker} **${feature.title}:** ${feature.text}`),
      '',
    ]),
  ];
  const frontMatter = ['---', `title: "Generated ${file}"`, 'weight: 1', 'glossary:', ...glossary, '---', ''];
  return {
    file: { file, text: [...frontMatter, ...body].join('\n') },
    services: services.map(({ heading, names, features }) => ({ heading, names, features })),
  };
}

type Sentence = typeof sentenceArbitrary extends fc.Arbitrary<infer T> ? T : never;
type Feature = typeof featureArbitrary extends fc.Arbitrary<infer T> ? T : never;

function renderSentence(sentence: Sentence, forms: Forms, plan: Plan, feature: Feature): string {
  const written = [forms.full, forms.name, forms.acronym, forms.acronyms, forms.alias].filter(
    (form): form is string => form !== null,
  );
  const name = written[sentence.nameForm % written.length]!;
  const [a, b] = sentence.numbers as [number, number];
  const [p, q] = sentence.products as [string, string];
  const vendor = plan.vendor === null ? '' : `${plan.vendor} `;
  const noun =
    sentence.useAlias && NOUN_ALIASES[feature.noun]
      ? NOUN_ALIASES[feature.noun]!
      : feature.noun.toLowerCase();
  switch (sentence.template) {
    case 0:
      return `${name} provides ${feature.adjective.toLowerCase()} ${noun} for ${sentence.object} across every region.`;
    case 1:
      return `Users can choose ${a} ${sentence.unit} or ${b} ${sentence.unit} links for ${sentence.object} when they set up ${name}.`;
    case 2:
      return `It integrates with ${vendor}${p} and ${vendor}${q} so that teams can move ${sentence.object} without extra work.`;
    case 3:
      return `${name} supports up to ${a} ${sentence.unit} of ${noun} with built-in ${sentence.rare} for ${sentence.object}.`;
    case 4:
      return `The ${sentence.rare} option keeps ${sentence.object} consistent while ${noun} runs in the background.`;
    case 5:
      return `${forms.name}'s dashboard shows ${noun} for ${sentence.object} and flags ${sentence.rare} problems early.`;
    default:
      return `Teams that store ${sentence.object} in ${name} get ${noun} reports within ${a} ${sentence.unit} of every change.`;
  }
}

/** The same explanation for another service: each form of one name replaced by the same form of the other. */
function swapNames(text: string, from: Forms, to: Forms): string {
  const roles = ['full', 'acronyms', 'acronym', 'alias', 'name'] as const;
  const pairs = roles
    .filter((role) => from[role] !== null)
    .map((role) => [from[role]!, to[role] ?? to.name] as const)
    // Longest first, so that "Orbix Zentra" is replaced before "Zentra".
    .sort((x, y) => y[0].length - x[0].length);
  const placeholders: string[] = [];
  let result = text;
  for (const [form, replacement] of pairs) {
    result = result.replace(new RegExp(`\\b${escape(form)}\\b`, 'g'), () => {
      placeholders.push(replacement);
      return `<${placeholders.length - 1}>`;
    });
  }
  return result.replace(/<(\d+)>/g, (_, i: string) => placeholders[Number(i)]!);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
