import { generateKeyPairSync, sign } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { operationOf, validateRequest, type Operation } from './discordSchema.js';

/** A request the bot made, with its body checked against Discord's schema. */
export interface RecordedRequest {
  method: string;
  /** Path after `/api/v10`, as sent (percent-encoding kept). */
  path: string;
  query: string;
  body: unknown;
  authorization: string | undefined;
  operation: Operation | null;
  /** Schema violations; empty when the body is valid (or the route has no body schema). */
  errors: string[];
  /** The HTTP status the fake answered with. */
  status: number;
  /** Files uploaded in a multipart body (`files[n]` parts), in order; empty for a JSON body. */
  files: UploadedFile[];
}

/** One `files[n]` part of a multipart request. */
export interface UploadedFile {
  /** The form field, such as `files[0]`. */
  field: string;
  name: string;
  contentType: string;
  data: Buffer;
}

/** A canned response for the next request(s) matching a predicate: how faults are injected. */
export interface Fault {
  match: (request: { method: string; path: string }) => boolean;
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** How many matching requests get the fault; default 1. */
  times?: number;
}

type Json = Record<string, unknown>;

let counter = 0n;
/** A fresh 19-digit snowflake. */
export function snowflake(): string {
  counter += 1n;
  return (1_200_000_000_000_000_000n + counter * 4_194_304n).toString();
}

/** The permissions of the fake's members: many, but not Manage Server. */
export const MEMBER_PERMISSIONS = 2248473465835073n;
/** Manage Server (`MANAGE_GUILD`), which `/report` requires. */
export const MANAGE_GUILD = 1n << 5n;

/** Discord's rule: an interaction must get its first callback within 3 s. */
export const CALLBACK_DEADLINE_MS = 3000;

/** Options of `FakeDiscord.start`. */
export interface FakeDiscordOptions {
  /**
   * Answer a first callback later than this (ms after dispatch) with 404 "Unknown interaction", as
   * Discord does after 3 s; null (the default) enforces no deadline. A wall-clock rule fails a correct
   * bot whenever the machine is loaded, so tests leave it off and check behaviour (the deferral test
   * withholds the answer until the deferral arrives); the benchmark and the soak, which measure
   * latency, turn it on.
   */
  callbackDeadlineMs: number | null;
  /** Port on 127.0.0.1; 0 (the default) for any free one. */
  port: number;
}

/**
 * A fake Discord on 127.0.0.1: REST under /api/v10 and a JSON gateway, enough for discord.js 14 to log in,
 * receive interactions and messages, and reply. Every request body is validated against Discord's OpenAPI
 * schema and recorded.
 */
export class FakeDiscord {
  readonly applicationId = snowflake();
  readonly botUser = {
    id: this.applicationId,
    username: 'StudyBot',
    discriminator: '0',
    global_name: null,
    avatar: null,
    bot: true,
  };
  readonly guildId = snowflake();
  readonly channelId = snowflake();
  readonly requests: RecordedRequest[] = [];
  readonly gatewayEvents: Json[] = [];
  /** Interactions the fake has dispatched, by id: when, and whether a callback arrived. */
  readonly interactions = new Map<string, { at: number; answered: boolean }>();
  identifyCount = 0;
  resumeCount = 0;
  /** Close the gateway with this code instead of answering IDENTIFY (4004: authentication failed). */
  identifyCloseCode: number | null = null;
  /** The test application's Ed25519 key pair: HTTP interactions are signed with it. */
  readonly #keys = generateKeyPairSync('ed25519');

  #server: Server;
  #wss: WebSocketServer;
  #sockets = new Set<WebSocket>();
  #sequence = 0;
  #faults: Fault[] = [];
  #waiters: { predicate: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }[] = [];
  #port = 0;
  readonly #callbackDeadlineMs: number | null;
  /** Users made by `user()`, by id: the guild's members, as `GET /guilds/{guild}/members/{user}` finds them. */
  readonly #users = new Map<string, Json>();

  private constructor(options: FakeDiscordOptions) {
    this.#callbackDeadlineMs = options.callbackDeadlineMs;
    this.#server = createServer((req, res) => void this.#handle(req, res));
    this.#wss = new WebSocketServer({ noServer: true });
    this.#server.on('upgrade', (req, socket, head) => {
      this.#wss.handleUpgrade(req, socket, head, (ws) => this.#connect(ws));
    });
  }

  /** Start on a free port of 127.0.0.1. */
  static async start(options: Partial<FakeDiscordOptions> = {}): Promise<FakeDiscord> {
    const settings = { callbackDeadlineMs: null, port: 0, ...options };
    const fake = new FakeDiscord(settings);
    await new Promise<void>((resolve) => fake.#server.listen(settings.port, '127.0.0.1', resolve));
    fake.#port = (fake.#server.address() as AddressInfo).port;
    return fake;
  }

  /** The REST base URL to give the bot as DISCORD_API_URL. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.#port}/api`;
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.terminate();
    this.#wss.close();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  /** Answer the next matching request(s) with a fault instead of success. */
  inject(fault: Fault): void {
    this.#faults.push({ times: 1, ...fault });
  }

  /** Wait for a request matching a predicate, including one already recorded after `since`. */
  waitForRequest(
    predicate: (r: RecordedRequest) => boolean,
    timeoutMs = 5000,
    since = 0,
  ): Promise<RecordedRequest> {
    const found = this.requests.slice(since).find(predicate);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter = { predicate, resolve };
      this.#waiters.push(waiter);
      setTimeout(() => {
        this.#waiters = this.#waiters.filter((w) => w !== waiter);
        reject(new Error(`fake Discord: no matching request within ${timeoutMs} ms`));
      }, timeoutMs).unref();
    });
  }

  /** Send a gateway dispatch to every connected client. */
  dispatch(type: string, data: unknown): void {
    const frame = JSON.stringify({ op: 0, t: type, s: ++this.#sequence, d: data });
    for (const socket of this.#sockets) socket.send(frame);
  }

  /**
   * Dispatch an interaction and wait for its first callback.
   *
   * @returns The recorded callback request.
   */
  async interact(interaction: Json, timeoutMs = 5000): Promise<RecordedRequest> {
    const since = this.requests.length;
    const id = interaction.id as string;
    this.interactions.set(id, { at: Date.now(), answered: false });
    this.dispatch('INTERACTION_CREATE', interaction);
    return this.waitForRequest((r) => r.path.startsWith(`/interactions/${id}/`), timeoutMs, since);
  }

  /** Dispatch a MESSAGE_CREATE and wait for the bot's channel message in reply, if any. */
  async message(message: Json, timeoutMs = 5000): Promise<RecordedRequest> {
    const since = this.requests.length;
    this.dispatch('MESSAGE_CREATE', message);
    return this.waitForRequest(
      (r) =>
        r.operation === 'channelMessage' && r.path === `/channels/${message.channel_id as string}/messages`,
      timeoutMs,
      since,
    );
  }

  /** The application's public key as the Developer Portal shows it (64 hex digits): DISCORD_PUBLIC_KEY. */
  get publicKey(): string {
    return this.#keys.publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
  }

  /** Signature headers for a body, as Discord sends them: Ed25519 over timestamp + body. */
  signatureHeaders(body: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
    const signature = sign(null, Buffer.from(`${timestamp}${body}`), this.#keys.privateKey);
    return { 'x-signature-ed25519': signature.toString('hex'), 'x-signature-timestamp': String(timestamp) };
  }

  /**
   * Deliver an interaction to an HTTP interactions endpoint, signed, as Discord does; deferred answers then
   * arrive as webhook edits on this fake.
   *
   * @param endpoint The endpoint's URL (`http://127.0.0.1:PORT/interactions`).
   * @param interaction The interaction, or a raw body to sign as is.
   * @param headers Headers that replace the signature ones (tests of forged requests).
   * @returns The HTTP status and the parsed JSON body; status 0 when the connection failed.
   */
  async post(
    endpoint: string,
    interaction: Json | string,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: Json }> {
    const body = typeof interaction === 'string' ? interaction : JSON.stringify(interaction);
    if (typeof interaction !== 'string') {
      this.interactions.set(interaction.id as string, { at: Date.now(), answered: true });
    }
    try {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(headers ?? this.signatureHeaders(body)) },
        body,
      });
      return { status: response.status, body: (await response.json()) as Json };
    } catch {
      return { status: 0, body: {} };
    }
  }

  /** Close every gateway connection with a close code (4000: the client should resume). */
  closeGateway(code: number): void {
    for (const socket of this.#sockets) socket.close(code, 'fake close');
  }

  // ---- payload builders -------------------------------------------------------------------------------

  /** A user object; the fake's guild then has them as a member. */
  user(id = snowflake(), username = `student${id.slice(-4)}`): Json {
    const user = { id, username, discriminator: '0', global_name: username, avatar: null };
    this.#users.set(id, user);
    return user;
  }

  /** The fields every interaction needs; `place` picks a guild channel or a DM with the bot. */
  interactionBase(place: 'guild' | 'dm', user: Json): Json {
    const id = snowflake();
    const common = {
      id,
      application_id: this.applicationId,
      token: `itoken-${id}`,
      version: 1,
      locale: 'en-US',
      app_permissions: '2248473465835073',
      entitlements: [],
      attachment_size_limit: 10485760,
    };
    if (place === 'guild') {
      return {
        ...common,
        guild_id: this.guildId,
        guild_locale: 'en-US',
        guild: { id: this.guildId, locale: 'en-US', features: [] },
        channel_id: this.channelId,
        channel: { id: this.channelId, type: 0, guild_id: this.guildId, name: 'study-group', nsfw: false },
        member: {
          user,
          roles: [],
          permissions: '2248473465835073',
          joined_at: '2026-01-01T00:00:00.000000+00:00',
          deaf: false,
          mute: false,
          flags: 0,
          nick: null,
          avatar: null,
          premium_since: null,
          pending: false,
        },
        context: 0,
        authorizing_integration_owners: { '0': this.guildId },
      };
    }
    const dmChannelId = snowflake();
    return {
      ...common,
      user,
      channel_id: dmChannelId,
      channel: { id: dmChannelId, type: 1, recipients: [user], last_message_id: null, flags: 0 },
      context: 1,
      authorizing_integration_owners: { '0': '0' },
    };
  }

  /** The same interaction from a member with other permissions (a bit set, as a decimal string). */
  withPermissions(interaction: Json, permissions: bigint): Json {
    const member = interaction.member as Json | undefined;
    return member === undefined
      ? interaction
      : { ...interaction, member: { ...member, permissions: String(permissions) } };
  }

  /** A /command interaction with string, boolean or user options. */
  slash(name: string, options: Json[], place: 'guild' | 'dm' = 'guild', user = this.user()): Json {
    const resolvedUsers = Object.fromEntries(
      options.filter((o) => o.type === 6).map((o) => [o.value as string, this.user(o.value as string)]),
    );
    return {
      ...this.interactionBase(place, user),
      type: 2,
      data: {
        id: snowflake(),
        name,
        type: 1,
        options,
        ...(Object.keys(resolvedUsers).length > 0 ? { resolved: { users: resolvedUsers } } : {}),
      },
    };
  }

  /** An autocomplete interaction for a focused string option. */
  autocomplete(name: string, option: string, typed: string, place: 'guild' | 'dm' = 'guild'): Json {
    return {
      ...this.interactionBase(place, this.user()),
      type: 4,
      data: {
        id: snowflake(),
        name,
        type: 1,
        options: [{ type: 3, name: option, value: typed, focused: true }],
      },
    };
  }

  /** A component interaction (button or select) on a message the bot sent. */
  component(
    message: Json,
    customId: string,
    user: Json,
    options: { values?: string[]; place?: 'guild' | 'dm' } = {},
  ): Json {
    const base = this.interactionBase(options.place ?? 'guild', user);
    return {
      ...base,
      type: 3,
      message: { ...message, channel_id: base.channel_id },
      data:
        options.values === undefined
          ? { custom_id: customId, component_type: 2 }
          : { custom_id: customId, component_type: 3, values: options.values },
    };
  }

  /**
   * A full message object as Discord would return it for a message the bot sent.
   *
   * @param invoker The user whose command (or click) the message answered: Discord's `interaction_metadata`.
   */
  messageFrom(body: Json, channelId = this.channelId, invoker?: Json): Json {
    return {
      ...(invoker === undefined
        ? {}
        : {
            interaction_metadata: {
              id: snowflake(),
              type: 2,
              user: invoker,
              authorizing_integration_owners: { '0': this.guildId },
            },
          }),
      id: snowflake(),
      channel_id: channelId,
      type: 0,
      content: (body.content as string | undefined) ?? '',
      author: this.botUser,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      embeds: body.embeds ?? [],
      attachments: [],
      components: body.components ?? [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      flags: (body.flags as number | undefined) ?? 0,
    };
  }

  /** A MESSAGE_CREATE payload from a student, in a DM or in the guild's channel. */
  userMessage(
    content: string,
    place: 'guild' | 'dm',
    options: { author?: Json; mentionsBot?: boolean } = {},
  ): Json {
    const author = options.author ?? this.user();
    const base = {
      id: snowflake(),
      type: 0,
      content,
      author,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: /@everyone|@here/.test(content),
      mentions: options.mentionsBot ? [this.botUser] : [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      pinned: false,
      flags: 0,
      components: [],
    };
    if (place === 'dm') return { ...base, channel_id: snowflake(), channel_type: 1 };
    return {
      ...base,
      channel_id: this.channelId,
      guild_id: this.guildId,
      member: {
        roles: [],
        joined_at: '2026-01-01T00:00:00.000000+00:00',
        deaf: false,
        mute: false,
        flags: 0,
      },
    };
  }

  // ---- REST -------------------------------------------------------------------------------------------

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBytes = Buffer.concat(chunks);
    const raw = rawBytes.toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname.replace(/^\/api\/v10/, '');
    const method = req.method ?? 'GET';
    const contentType = req.headers['content-type'] ?? '';
    let body: unknown = null;
    let files: UploadedFile[] = [];
    const partErrors: string[] = [];
    if (contentType.startsWith('multipart/form-data')) {
      ({ body, files } = await parseMultipart(rawBytes, contentType, partErrors));
    } else if (raw !== '') {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    const operation = operationOf(method, path);
    const send = (status: number, payload?: unknown, headers: Record<string, string> = {}): void => {
      const recorded: RecordedRequest = {
        method,
        path,
        query: url.search,
        body,
        authorization: req.headers.authorization,
        operation,
        errors:
          operation === null || body === null
            ? partErrors
            : [
                ...partErrors,
                ...validateRequest(
                  operation,
                  body,
                  files.length > 0 ? 'multipart/form-data' : 'application/json',
                ),
              ],
        status,
        files,
      };
      this.requests.push(recorded);
      res.writeHead(status, {
        ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      });
      res.end(payload === undefined ? undefined : JSON.stringify(payload));
      for (const waiter of [...this.#waiters]) {
        if (waiter.predicate(recorded)) {
          this.#waiters = this.#waiters.filter((w) => w !== waiter);
          waiter.resolve(recorded);
        }
      }
    };

    const fault = this.#faults.find((f) => f.match({ method, path }));
    if (fault !== undefined) {
      fault.times = (fault.times ?? 1) - 1;
      if (fault.times <= 0) this.#faults = this.#faults.filter((f) => f !== fault);
      send(fault.status, fault.body ?? { code: 0, message: 'injected fault' }, fault.headers);
      return;
    }
    if (method === 'GET' && path === '/gateway/bot') {
      send(200, {
        url: `ws://127.0.0.1:${this.#port}`,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
      });
      return;
    }
    const member = /^\/guilds\/(\d+)\/members\/(\d+)$/.exec(path);
    if (method === 'GET' && member !== null) {
      const user = member[1] === this.guildId ? this.#users.get(member[2]!) : undefined;
      if (user === undefined) send(404, { code: 10007, message: 'Unknown Member' });
      else
        send(200, {
          user,
          nick: null,
          roles: [],
          joined_at: '2026-01-01T00:00:00.000000+00:00',
          deaf: false,
          mute: false,
          flags: 0,
        });
      return;
    }
    const callback = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(path);
    if (method === 'POST' && callback !== null) {
      const state = this.interactions.get(callback[1]!);
      const deadline = this.#callbackDeadlineMs;
      if (state === undefined || (deadline !== null && Date.now() - state.at > deadline)) {
        send(404, { code: 10062, message: 'Unknown interaction' });
      } else if (state.answered) {
        send(400, { code: 40060, message: 'Interaction has already been acknowledged.' });
      } else {
        state.answered = true;
        send(204);
      }
      return;
    }
    if (operation === 'webhookEdit' || operation === 'webhookFollowUp' || operation === 'channelMessage') {
      const channel = /^\/channels\/(\d+)\//.exec(path)?.[1];
      send(200, this.messageFrom((body ?? {}) as Json, channel));
      return;
    }
    if (operation === 'globalCommands' || operation === 'guildCommands') {
      const commands = Array.isArray(body) ? body : [];
      send(
        200,
        commands.map((command: Json) => ({
          id: snowflake(),
          application_id: this.applicationId,
          version: snowflake(),
          ...command,
        })),
      );
      return;
    }
    send(404, { code: 0, message: `fake Discord: no route ${method} ${path}` });
  }

  // ---- gateway ----------------------------------------------------------------------------------------

  #connect(ws: WebSocket): void {
    this.#sockets.add(ws);
    ws.on('close', () => this.#sockets.delete(ws));
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41250 } }));
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as { op: number; d: Json };
      this.gatewayEvents.push(frame as unknown as Json);
      if (frame.op === 1) ws.send(JSON.stringify({ op: 11 }));
      if (frame.op === 2) this.#identify(ws);
      if (frame.op === 6) {
        this.resumeCount++;
        ws.send(JSON.stringify({ op: 0, t: 'RESUMED', s: ++this.#sequence, d: {} }));
      }
    });
  }

  #identify(ws: WebSocket): void {
    this.identifyCount++;
    if (this.identifyCloseCode !== null) {
      ws.close(this.identifyCloseCode, 'Authentication failed.');
      return;
    }
    const send = (t: string, d: unknown): void =>
      ws.send(JSON.stringify({ op: 0, t, s: ++this.#sequence, d }));
    send('READY', {
      v: 10,
      user: this.botUser,
      guilds: [{ id: this.guildId, unavailable: true }],
      session_id: `session-${snowflake()}`,
      resume_gateway_url: `ws://127.0.0.1:${this.#port}`,
      application: { id: this.applicationId, flags: 0 },
    });
    send('GUILD_CREATE', {
      id: this.guildId,
      name: 'Study Group',
      icon: null,
      owner_id: snowflake(),
      unavailable: false,
      member_count: 2,
      roles: [
        {
          id: this.guildId,
          name: '@everyone',
          permissions: '2248473465835073',
          position: 0,
          color: 0,
          hoist: false,
          managed: false,
          mentionable: false,
          flags: 0,
        },
      ],
      channels: [
        {
          id: this.channelId,
          type: 0,
          name: 'study-group',
          position: 0,
          guild_id: this.guildId,
          permission_overwrites: [],
          nsfw: false,
        },
      ],
      members: [],
      emojis: [],
      stickers: [],
      presences: [],
      voice_states: [],
      threads: [],
      features: [],
      joined_at: '2026-01-01T00:00:00.000000+00:00',
      large: false,
    });
  }
}

/**
 * A multipart body as Discord reads it: the message from `payload_json`, each `files[n]` part beside it (as
 * the schema's binary strings: its file name), and the parts' own errors: an attachment naming no uploaded
 * part, an upload no attachment names.
 */
async function parseMultipart(
  bytes: Buffer,
  contentType: string,
  errors: string[],
): Promise<{ body: Json; files: UploadedFile[] }> {
  const form = await new Response(bytes, { headers: { 'content-type': contentType } }).formData();
  let body: Json = {};
  const files: UploadedFile[] = [];
  for (const [field, value] of form.entries()) {
    if (field === 'payload_json' && typeof value === 'string') body = JSON.parse(value) as Json;
    else if (/^files\[\d+\]$/.test(field) && typeof value !== 'string') {
      files.push({
        field,
        name: value.name,
        contentType: value.type,
        data: Buffer.from(await value.arrayBuffer()),
      });
    } else errors.push(`multipart: unexpected part ${field}`);
  }
  const attachments = (body.attachments ?? []) as Json[];
  for (const attachment of attachments) {
    if (!files.some((file) => file.field === `files[${String(attachment.id)}]`))
      errors.push(`/attachments: id ${String(attachment.id)} names no files[${String(attachment.id)}] part`);
  }
  for (const file of files) {
    if (!attachments.some((attachment) => file.field === `files[${String(attachment.id)}]`))
      errors.push(`multipart: ${file.field} is named by no attachment`);
  }
  return { body: { ...body, ...Object.fromEntries(files.map((file) => [file.field, file.name])) }, files };
}
