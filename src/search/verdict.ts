import type { RankingOptions } from './rankingOptions.js';
import type { SearchResult } from './searchChunks.js';

/**
 * How well the chapters answer a question: `answered` (they do), `closest` (its subject is in the chapters
 * but not the detail asked; the hits are the closest sections) or `notCovered` (its subject is not).
 */
export type Verdict = 'answered' | 'closest' | 'notCovered';

/**
 * Judge a search. Answered when the answering chunks hold enough of the question (or of its ask sentence),
 * or hold two informative asked terms strongly. Otherwise closest when the question's subject is in the
 * chapters: a service it names, a named concept (a phrase of several words) the chunks speak of, or two of
 * its words side by side in the best chunk ("multi value" inside a section's "Multi-Value Answer …"), or a scenario
 * whose ask is only an exam instruction. Not
 * covered otherwise, and whenever the question asks about a product the chapters only mention in passing
 * together with details they never use ("<product> memory usage").
 */
export function judgeVerdict(
  result: SearchResult,
  options: Pick<
    RankingOptions,
    | 'minCoverage'
    | 'minAskCoverage'
    | 'minServiceAskCoverage'
    | 'foreignUnknownShare'
    | 'maxUnknownShareForPhrase'
  >,
): Verdict {
  const { evidence, services } = result;
  if (result.hits.length === 0) return 'notCovered';
  const unknownShare = evidence
    .filter((item) => item.held === 'unknown')
    .reduce((sum, item) => sum + item.weight, 0);
  const namesService = services.length > 0;
  const asksForeign = !namesService && evidence.some((item) => item.isForeign && item.isAsked);
  if (asksForeign && unknownShare >= options.foreignUnknownShare) return 'notCovered';
  // "Which load balancer…", "Which <product> feature…": the answer would be a kind of thing the chapters
  // do not cover, whatever words its scenario shares with them.
  if (result.isKindElsewhere && !namesService) return 'notCovered';
  // Two strong terms prove the topic only while most of the ask is words the chapters use: "a managed
  // message queue to decouple components" is about queues, whatever "managed" and "components" match.
  const askWeight = evidence.filter((item) => item.isAsked).reduce((sum, item) => sum + item.weight, 0);
  const askUnknown = evidence
    .filter((item) => item.isAsked && item.held === 'unknown')
    .reduce((sum, item) => sum + item.weight, 0);
  const isCorroborated =
    result.isCorroborated && askUnknown < options.maxUnknownShareForPhrase * (askWeight || 1);
  if (
    result.coverage >= options.minCoverage ||
    result.askCoverage >= options.minAskCoverage ||
    isCorroborated
  ) {
    return 'answered';
  }
  const isSubjectHeld = evidence.some(
    (item) =>
      item.isNamed &&
      !item.isForeign &&
      (item.held === 'heading' ||
        item.held === 'lead' ||
        item.held === 'repeated' ||
        item.held === 'mention'),
  );
  // Two words side by side name a subject only when the question is mostly words the chapters use.
  const isPhraseHeld = result.hasPhrase && unknownShare < options.maxUnknownShareForPhrase;
  // An exam stem whose ask is only an instruction ("Which of these will deliver that result?") is about
  // its scenario: the closest sections are a better reply than none, unless the scenario is built on
  // products the chapters only list.
  const isScenarioOnly =
    evidence.length > 0 &&
    !evidence.some((item) => item.isAsked || item.isForeign) &&
    unknownShare < options.maxUnknownShareForPhrase;
  // "Which <vendor> service analyzes <named service>'s logs?" asks for another service than the one named.
  if ((namesService && !result.isServiceContext) || isScenarioOnly) return 'closest';
  // "Which service does X?" wants the service that does X: one holding less than half of the ask only
  // shares its subject, and is another service than the one asked for, not the closest section.
  if (result.shape === 'whichService' && result.askCoverage < options.minServiceAskCoverage) {
    return 'notCovered';
  }
  return isSubjectHeld || isPhraseHeld ? 'closest' : 'notCovered';
}
