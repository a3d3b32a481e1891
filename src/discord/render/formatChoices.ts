import type { APIApplicationCommandOptionChoice } from 'discord-api-types/v10';
import { chunkLabel, type Answer } from '../../answer/answer.js';
import { chunkRef } from './customId.js';
import { DISCORD_LIMITS, truncate } from './discordText.js';

/**
 * Autocomplete choices as the student types: their own text first, then the best matches labelled with
 * heading trails (value `chunk:<ref>` answers exactly that chunk).
 */
export function formatChoices(typed: string, answer: Answer): APIApplicationCommandOptionChoice<string>[] {
  const own = typed.trim();
  const choices: APIApplicationCommandOptionChoice<string>[] =
    own === ''
      ? []
      : [
          {
            name: truncate(own, DISCORD_LIMITS.choiceName),
            value: [...own].slice(0, DISCORD_LIMITS.choiceValue).join(''),
          },
        ];
  const offered =
    answer.kind === 'hits'
      ? answer.hits.map(({ chunk }) => ({ id: chunk.id, label: chunkLabel(chunk) }))
      : answer.suggestions;
  for (const { id, label } of offered) {
    if (choices.length >= DISCORD_LIMITS.choices) break;
    choices.push({
      name: truncate(label, DISCORD_LIMITS.choiceName),
      value: `${CHOICE_PREFIX}${chunkRef(id)}`,
    });
  }
  return choices;
}

/** Prefix of an autocomplete value that names a chunk rather than a question. */
export const CHOICE_PREFIX = 'chunk:';
