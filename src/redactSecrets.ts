/** Secrets shorter than this are not redacted: replacing "a" everywhere would garble text and hide nothing. */
const SECRET_MIN_LENGTH = 8;

/**
 * Replace every occurrence of each secret (the bot token) by "[redacted]".
 *
 * @param text Any text about to be printed or logged.
 * @param secrets Strings never to print; null and short entries are ignored.
 */
export function redactSecrets(text: string, secrets: readonly (string | null)[]): string {
  let redacted = text;
  for (const secret of secrets) {
    if (secret !== null && secret.length >= SECRET_MIN_LENGTH)
      redacted = redacted.split(secret).join('[redacted]');
  }
  return redacted;
}
