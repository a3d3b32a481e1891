import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/** DER header of an Ed25519 public key in SubjectPublicKeyInfo form; the raw 32 bytes follow it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/**
 * The application's public key (Developer Portal → General Information → Public Key: 64 hex digits) as a
 * key object for `crypto.verify`.
 */
export function publicKeyFromHex(hex: string): KeyObject {
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error('DISCORD_PUBLIC_KEY must be 64 hex digits');
  return createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, 'hex')]),
    format: 'der',
    type: 'spki',
  });
}

/**
 * Whether Discord signed this request: an Ed25519 signature (`X-Signature-Ed25519`, hex) over the
 * `X-Signature-Timestamp` header followed by the raw body.
 */
export function isSignedByDiscord(
  key: KeyObject,
  timestamp: string,
  body: Buffer,
  signatureHex: string,
): boolean {
  if (!/^[0-9a-f]{128}$/i.test(signatureHex)) return false;
  return verify(
    null,
    Buffer.concat([Buffer.from(timestamp, 'utf8'), body]),
    key,
    Buffer.from(signatureHex, 'hex'),
  );
}
