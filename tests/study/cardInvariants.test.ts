import { describe, expect, it } from 'vitest';
import type { Card } from '../../src/study/card.js';
import { generateCards } from '../../src/study/generateCards.js';
import { shippedIndex } from '../helpers.js';
import { checkCards, type Invariant } from './cardInvariants.js';
import { shippedFacts } from './shippedFacts.js';
import { fixtureIndex } from './studyFixtures.js';

// The property tests are only as good as their referee: each check must catch the fault it names.
const index = shippedIndex();
const facts = shippedFacts(index);
const cards = generateCards(index);
const card = (kind: Card['kind'], chunkId: string, fragment = ''): Card =>
  cards.find(
    (c) => c.kind === kind && c.chunkId === `networking-service/${chunkId}` && c.stem.includes(fragment),
  )!;
const flagged = (bad: Card, invariant: Invariant, at = index): string[] =>
  checkCards([bad], at, at === index ? facts : [])[invariant];

describe('checkCards', () => {
  it('flags two options that name one service', () => {
    const good = card('service', 'aws-direct-connect/private-connectivity');
    const options = good.options.map((option) =>
      option === 'Amazon Virtual Private Cloud (VPC)' ? 'VPC' : option,
    );
    const bad = { ...good, options: options.map((option, i) => (i === good.answer ? option : 'VPC')) };
    expect(flagged(bad, 'options')).toHaveLength(1);
  });

  it('flags a "which service" stem that names the service by an alias', () => {
    const good = card('service', 'aws-direct-connect/private-connectivity');
    expect(flagged({ ...good, stem: `${good.stem} It is also called DX.` }, 'giveaway')).toHaveLength(1);
  });

  it('flags a "which feature" stem that shows a glossary synonym of the title', () => {
    const good = card('feature', 'amazon-route-53/high-availability-and-reliability');
    expect(
      flagged(
        { ...good, stem: good.stem.replace('___ global network', 'redundant global network') },
        'giveaway',
      ),
    ).toHaveLength(1);
  });

  it('flags a distractor feature whose explanation is the same', () => {
    const twins = fixtureIndex('twins.md');
    const good = generateCards(twins).find(
      (c) => c.kind === 'feature' && c.chunkId === 'twins/acme-ledger/fast-replication',
    )!;
    const bad = {
      ...good,
      options: good.options.map((option, i) => (i === good.answer ? option : 'Instant Copies')),
    };
    expect(flagged(bad, 'twins', twins).length).toBeGreaterThan(0);
  });

  it('flags a gap whose answer does not restore the sentence', () => {
    const good = card('gap', 'aws-direct-connect/flexible-bandwidth-options', 'ranging from ___');
    expect(flagged({ ...good, stem: good.stem.replace('100 Gbps', '400 Gbps') }, 'faithful')).toHaveLength(1);
  });

  it('flags a distractor that already stands in the sentence', () => {
    const good = card('gap', 'aws-direct-connect/flexible-bandwidth-options', 'ranging from ___');
    const bad = {
      ...good,
      options: good.options.map((option, i) => (i === good.answer ? option : '100 Gbps')),
    };
    expect(flagged(bad, 'distractors').length).toBeGreaterThan(0);
  });
});
