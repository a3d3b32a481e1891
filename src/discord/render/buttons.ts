import type {
  APIActionRowComponent,
  APIButtonComponent,
  APIComponentInMessageActionRow,
  ButtonStyle,
  ComponentType,
} from 'discord-api-types/v10';
import { DISCORD_LIMITS } from './discordText.js';

// Discord's enum values, typed without importing discord-api-types at run time.
export const ACTION_ROW = 1 as ComponentType.ActionRow;
export const BUTTON = 2 as ComponentType.Button;
export const STRING_SELECT = 3 as ComponentType.StringSelect;
export const PRIMARY = 1 as ButtonStyle.Primary;
export const SECONDARY = 2 as ButtonStyle.Secondary;
/** Message flag: only the person who triggered the reply sees it. */
export const EPHEMERAL = 64;

/** A button with a custom id. */
export function button(
  label: string,
  customId: string,
  style: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success | ButtonStyle.Danger = SECONDARY,
): APIButtonComponent {
  return { type: BUTTON, style, label, custom_id: customId };
}

/** Buttons in rows of five, at most five rows. */
export function buttonRows(
  buttons: APIButtonComponent[],
): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  const rows: APIActionRowComponent<APIComponentInMessageActionRow>[] = [];
  for (
    let i = 0;
    i < buttons.length && rows.length < DISCORD_LIMITS.actionRows;
    i += DISCORD_LIMITS.buttonsPerRow
  ) {
    rows.push({ type: ACTION_ROW, components: buttons.slice(i, i + DISCORD_LIMITS.buttonsPerRow) });
  }
  return rows;
}
