import type { KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { REST } from 'discord.js';
import type { APIInteraction } from 'discord-api-types/v10';
import type { BotContext } from './botContext.js';
import { deliverAfterResponse, scheduleEdit } from './deliverReply.js';
import { handleInteraction } from './handleInteraction.js';
import { isSignedByDiscord } from './verifySignature.js';

/** Options of `createInteractionServer`. */
export interface InteractionServerOptions {
  /** The application's Ed25519 public key. */
  publicKey: KeyObject;
  /** REST client for webhook edits after a deferral (no token needed: the interaction token authorises). */
  rest: REST;
  /** Largest body accepted; larger ones get 413 unread. Default 256 KiB. */
  maxBodyBytes: number;
  /** How far a signed timestamp may be from this clock, in seconds; older or newer gets 401. Default 300. */
  maxSkewSeconds: number;
}

/** Defaults of `createInteractionServer`. @public */
export const defaultInteractionServerOptions: Pick<
  InteractionServerOptions,
  'maxBodyBytes' | 'maxSkewSeconds'
> = {
  maxBodyBytes: 256 * 1024,
  maxSkewSeconds: 300,
};

/** An HTTP server for Discord's interactions endpoint, and what it is still delivering. */
export interface InteractionServer {
  server: Server;
  /** Resolves when every webhook edit already started has been sent (for a clean shutdown). */
  settled(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Discord's HTTP interactions endpoint: `POST /interactions` answers in the HTTP body through the same
 * handlers as the gateway bot; `GET /healthz` is for load balancers. A request is processed only when its
 * signature is Discord's, its timestamp fresh, its signature not seen before by any instance, its body
 * within the limit and valid JSON: else 401, 413 or 400, and nothing runs or is stored.
 */
export function createInteractionServer(
  context: BotContext,
  options: Pick<InteractionServerOptions, 'publicKey' | 'rest'> & Partial<InteractionServerOptions>,
): InteractionServer {
  const settings = { ...defaultInteractionServerOptions, ...options };
  const seen = new Map<string, number>();
  const pending = new Set<Promise<void>>();
  /** A signature is accepted once: in the store, shared by every instance, else in this process. */
  const claim = async (signature: string, until: number, now: number): Promise<boolean> => {
    if (context.store !== null) {
      try {
        return await context.store.claimRequest(signature, until, now);
      } catch (error) {
        context.logger.error('storage failed; replays checked in memory', { error });
      }
    }
    if (seen.has(signature)) return false;
    remember(seen, signature, until, now);
    return true;
  };

  const accept = async (request: IncomingMessage): Promise<APIInteraction> => {
    const signature = header(request, 'x-signature-ed25519');
    const timestamp = header(request, 'x-signature-timestamp');
    const body = await readBody(request, settings.maxBodyBytes);
    if (
      signature === null ||
      timestamp === null ||
      !isSignedByDiscord(settings.publicKey, timestamp, body, signature)
    ) {
      throw new HttpError(401, 'invalid request signature');
    }
    const now = context.now();
    if (!/^\d{1,12}$/.test(timestamp) || Math.abs(now / 1000 - Number(timestamp)) > settings.maxSkewSeconds) {
      throw new HttpError(401, 'stale request timestamp');
    }
    if (!(await claim(signature, now + settings.maxSkewSeconds * 2000, now))) {
      throw new HttpError(401, 'replayed request');
    }
    const interaction = parseInteraction(body);
    if (interaction === null) throw new HttpError(400, 'malformed interaction JSON');
    return interaction;
  };

  const server = createServer((request, response) => {
    const url = request.url?.split('?')[0];
    if (request.method === 'GET' && url === '/healthz') return send(response, 200, { status: 'ok' });
    if (url !== '/interactions') return send(response, 404, { error: 'not found' });
    if (request.method !== 'POST') return send(response, 405, { error: 'use POST' });
    accept(request).then(
      async (interaction) => {
        const reply = await handleInteraction(interaction, context);
        send(response, 200, reply.response);
        if (reply.later !== undefined) scheduleEdit(settings.rest, interaction, reply.later, context);
        if (reply.followUp === undefined && reply.withFiles === undefined) return;
        const delivery = deliverAfterResponse(settings.rest, interaction, reply, context).catch(
          (error: unknown) => {
            context.stats.failed++;
            context.logger.error('interaction failed', { kind: interaction.type, error });
          },
        );
        pending.add(delivery);
        void delivery.finally(() => pending.delete(delivery));
      },
      (error: unknown) => {
        const status = error instanceof HttpError ? error.status : 400;
        context.logger.warn('request refused', { status, reason: (error as Error).message });
        send(response, status, { error: (error as Error).message }, true);
      },
    );
  });
  return { server, settled: async () => void (await Promise.all([...pending])) };
}

function header(request: IncomingMessage, name: string): string | null {
  const value = request.headers[name];
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The raw body, refusing (413) past the limit without reading the rest. */
function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (Number(request.headers['content-length'] ?? 0) > maxBytes) {
      reject(new HttpError(413, `body over ${maxBytes} bytes`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        request.removeAllListeners('data');
        reject(new HttpError(413, `body over ${maxBytes} bytes`));
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** JSON that has the fields every interaction has; null otherwise. */
function parseInteraction(body: Buffer): APIInteraction | null {
  try {
    const value = JSON.parse(body.toString('utf8')) as Partial<APIInteraction> | null;
    const isInteraction =
      typeof value === 'object' &&
      value !== null &&
      typeof value.type === 'number' &&
      typeof value.id === 'string' &&
      typeof value.token === 'string' &&
      typeof value.application_id === 'string';
    return isInteraction ? (value as APIInteraction) : null;
  } catch {
    return null;
  }
}

/** Remember a signature until it expires, forgetting expired ones as the map grows. */
function remember(seen: Map<string, number>, signature: string, until: number, now: number): void {
  if (seen.size >= 10_000) for (const [key, expiry] of seen) if (expiry < now) seen.delete(key);
  seen.set(signature, until);
}

function send(response: ServerResponse, status: number, body: unknown, close = false): void {
  response.writeHead(status, {
    'content-type': 'application/json',
    ...(close ? { connection: 'close' } : {}),
  });
  response.end(JSON.stringify(body));
}
