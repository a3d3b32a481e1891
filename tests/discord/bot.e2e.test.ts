import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { embedLength } from '../../src/discord/render/discordText.js';
import { FakeDiscord, snowflake, type RecordedRequest } from './fakeDiscord.js';
import { startBotProcess, type BotProcess } from './botProcess.js';
import { expectNoToken } from './expectNoToken.js';

let fake: FakeDiscord;
let bot: BotProcess;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  bot = startBotProcess(fake.apiUrl, { COOLDOWN_QUESTIONS: '5', COOLDOWN_SECONDS: '30' });
  await bot.waitFor(/"event":"ready"/);
});

afterAll(async () => {
  const code = await bot?.stop();
  await fake?.close();
  expect(code).toBe(0);
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

// Every request a test makes the bot send must be one Discord accepts: valid for its OpenAPI schema,
// within the 6000-character embed total, pinging nobody, and never a second acknowledgement (400).
let firstRequest = 0;
beforeEach(() => {
  firstRequest = fake.requests.length;
});
afterEach(() => {
  for (const request of fake.requests.slice(firstRequest).filter((r) => r.operation !== null)) {
    const where = `${request.method} ${request.path}`;
    expect(request.errors, where).toEqual([]);
    expect(request.status, where).not.toBe(400);
    const body = request.body as Json;
    const message = request.operation === 'interactionCallback' ? body.data : body;
    if (message?.embeds === undefined) continue;
    const total = (message.embeds as Json[]).reduce((sum, embed) => sum + embedLength(embed), 0);
    expect(total, where).toBeLessThanOrEqual(6000);
    expect(message.allowed_mentions.parse, where).toEqual([]);
  }
});

const option = (name: string, value: unknown, type = 3): Json => ({ type, name, value });
const ask = (question: string, extra: Json[] = [], place: 'guild' | 'dm' = 'guild', user = fake.user()) =>
  fake.interact(fake.slash('ask', [option('question', question), ...extra], place, user));
const data = (request: RecordedRequest): Json => (request.body as Json).data as Json;
const labels = (message: Json): string[] =>
  (message.components as Json[]).flatMap((row) => (row.components as Json[]).map((c) => c.label as string));
/** The labels of an answer's first row: More results and feedback (browse has the second row). */
const firstRowLabels = (message: Json): string[] =>
  ((message.components as Json[])[0]!.components as Json[]).map((c) => c.label as string);

describe('the bot against a fake Discord', () => {
  it('logs in with Guilds, GuildMessages and DirectMessages but not MessageContent', () => {
    const identify = fake.gatewayEvents.find((event) => event.op === 2) as Json;
    expect(identify.d.intents).toBe(1 | 512 | 4096);
    expect(identify.d.intents & 32768).toBe(0);
  });

  it('answers /ask in a guild channel with the top hit as an embed and a More results button', async () => {
    const request = await ask('what is Direct Connect bandwidth');
    expect(request.body).toMatchObject({ type: 4 });
    const message = data(request);
    expect(message.embeds[0]).toMatchObject({
      author: { name: 'Networking Service › AWS Direct Connect' },
      title: 'Flexible Bandwidth Options',
      footer: { text: expect.stringMatching(/^networking-service\.md:59 · result 1 of \d+$/) },
    });
    expect(message.embeds[0].fields[0].name).toBe('Up next');
    expect(message.components[0].components[0]).toMatchObject({ type: 2, label: 'More results' });
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(message.flags ?? 0).toBe(0);
  });

  it('answers /ask in a DM with the bot', async () => {
    const request = await ask('tell me about route 53', [], 'dm');
    expect(data(request).embeds[0].title).toBe('Amazon Route 53');
  });

  it('answers privately when asked', async () => {
    const request = await ask('cloudfront security', [option('private', true, 5)]);
    expect(data(request).flags).toBe(64);
  });

  it('addresses an answer to a classmate, who is the only user it may ping', async () => {
    const classmate = snowflake();
    const request = await ask('vpc peering', [option('for', classmate, 6)]);
    expect(data(request).content).toMatch(new RegExp(`^Answer for <@${classmate}>\\n`));
    expect(data(request).allowed_mentions).toEqual({ parse: [], users: [classmate] });
  });

  it('suggests heading trails as the student types, their own text first', async () => {
    const request = await fake.interact(fake.autocomplete('ask', 'question', 'dx bandwi'));
    expect(request.body).toMatchObject({ type: 8 });
    const choices = data(request).choices as { name: string; value: string }[];
    expect(choices[0]).toEqual({ name: 'dx bandwi', value: 'dx bandwi' });
    expect(choices[1]).toEqual({
      name: 'AWS Direct Connect › Flexible Bandwidth Options',
      value: 'chunk:networking-service/aws-direct-connect/flexible-bandwidth-options',
    });
    expect(choices.length).toBeLessThanOrEqual(25);
  });

  it('answers exactly the chunk picked from autocomplete', async () => {
    const request = await ask('chunk:networking-service/amazon-route-53/domain-registration');
    const message = data(request);
    expect(message.embeds[0].title).toBe('Domain Registration');
    expect(message.embeds[0].footer.text).toBe('networking-service.md:39');
    expect(firstRowLabels(message)).toEqual(['Helpful', 'Not helpful']);
  });

  it('pages with More results for the asker, and gives anyone else a private copy', async () => {
    const asker = fake.user();
    const first = data(await ask('direct connect security', [], 'guild', asker));
    const more = first.components[0].components[0].custom_id as string;
    const message = fake.messageFrom(first);
    const page2 = await fake.interact(fake.component(message, more, asker));
    expect(page2.body).toMatchObject({ type: 7 });
    expect(data(page2).embeds[0].footer.text).toMatch(/result 2 of/);
    expect(data(page2).embeds[0].title).not.toBe(first.embeds[0].title);
    const other = await fake.interact(fake.component(message, more, fake.user()));
    expect(other.body).toMatchObject({ type: 4, data: { flags: 64 } });
  });

  it('pages a question that mentions someone by its words, not the mention', async () => {
    const asker = fake.user();
    const first = data(await ask('<@123456789012345678> direct connect security', [], 'guild', asker));
    const more = first.components[0].components[0].custom_id as string;
    expect(more).not.toContain('123456789012345678');
    const page2 = data(await fake.interact(fake.component(fake.messageFrom(first), more, asker)));
    expect(page2.embeds[0].footer.text).toMatch(/result 2 of/);
  });

  it('drops the More results button on the last result', async () => {
    const asker = fake.user();
    let message = data(await ask('integration with aws services', [], 'guild', asker));
    for (let page = 0; page < 12 && labels(message).includes('More results'); page++) {
      const customId = message.components[0].components[0].custom_id as string;
      message = data(await fake.interact(fake.component(fake.messageFrom(message), customId, asker)));
    }
    expect(firstRowLabels(message)).toEqual(['Helpful', 'Not helpful']);
    expect(message.embeds[0].footer.text).toMatch(/result (\d+) of \1$/);
  });

  it('declines an off-topic question with did-you-mean buttons that answer the chosen topic', async () => {
    const asker = fake.user();
    const declined = data(await ask('how do I make pancakes', [], 'guild', asker));
    expect(declined.embeds[0].title).toBe('Not covered in the chapters');
    const buttons = declined.components[0].components as Json[];
    expect(buttons.map((b) => b.label)).toContain('AWS Direct Connect');
    const pick = buttons.find((b) => b.label === 'AWS Direct Connect')!;
    const picked = await fake.interact(fake.component(fake.messageFrom(declined), pick.custom_id, asker));
    expect(picked.body).toMatchObject({ type: 7 });
    expect(data(picked).embeds[0].title).toBe('AWS Direct Connect');
  });

  it('answers a plain DM as a reply', async () => {
    const dm = fake.userMessage('what is DX', 'dm');
    const request = await fake.message(dm);
    const body = request.body as Json;
    expect(body.embeds[0].title).toBe('AWS Direct Connect');
    expect(body.message_reference).toMatchObject({ message_id: dm.id });
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('answers an @mention in a guild channel', async () => {
    const mention = fake.userMessage(`<@${fake.botUser.id}> cloudfront edge locations`, 'guild', {
      mentionsBot: true,
    });
    const request = await fake.message(mention);
    expect((request.body as Json).embeds[0].title).toBe('Global Network of Edge Locations');
  });

  it('ignores guild messages that do not mention it, and messages from bots', async () => {
    const before = fake.requests.length;
    fake.dispatch('MESSAGE_CREATE', fake.userMessage('what is vpc', 'guild'));
    const fromBot = fake.userMessage(`<@${fake.botUser.id}> what is vpc`, 'guild', {
      mentionsBot: true,
      author: { ...fake.user(), bot: true },
    });
    fake.dispatch('MESSAGE_CREATE', fromBot);
    // The gateway delivers in order and the bot replies in one channel in order, so once the reply to a
    // later message in the same channel has arrived, a reply to either ignored message would be here.
    const sentinel = fake.userMessage(`<@${fake.botUser.id}> route 53 failover`, 'guild', {
      mentionsBot: true,
    });
    await fake.message(sentinel);
    const replies = fake.requests.slice(before).filter((r) => r.operation === 'channelMessage');
    expect(replies.map((r) => (r.body as Json).message_reference?.message_id)).toEqual([sentinel.id]);
  });

  it('escapes @everyone, role mentions and markdown in the echoed question', async () => {
    const request = await ask('@everyone <@&123456789012345678> **vpc** `peering` <@987654321098765432>');
    const message = data(request);
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(message.content).not.toMatch(/@everyone|<@&|<@\d/);
    expect(message.content).toContain('\\*\\*vpc\\*\\*');
    expect(message.embeds[0].title).toBe('Connectivity Options');
  });

  it('answers a 6000-character question within Discord limits', async () => {
    const request = await ask(`${'what is vpc isolation '.repeat(300)}`.slice(0, 6000));
    const message = data(request);
    expect(message.content.length).toBeLessThanOrEqual(2000);
    expect(embedLength(message.embeds[0])).toBeLessThanOrEqual(6000);
  });

  it('answers a blank question with help instead of an error', async () => {
    const request = await ask('   ');
    expect(data(request).embeds[0].title).toBe('What would you like to know?');
  });

  it('lists topics with a select menu that shows the chosen feature privately', async () => {
    const topics = await fake.interact(fake.slash('topics', []));
    const message = data(topics);
    expect(message.flags).toBe(64);
    expect(message.embeds[0].fields.map((f: Json) => f.name)).toEqual([
      'Amazon Virtual Private Cloud (VPC)',
      'Amazon Route 53',
      'AWS Direct Connect',
      'Amazon CloudFront',
    ]);
    const menu = message.components[2].components[0];
    const choice = menu.options.find((o: Json) => o.label === 'Global Reach');
    const shown = await fake.interact(
      fake.component(fake.messageFrom(message), menu.custom_id, fake.user(), { values: [choice.value] }),
    );
    expect(shown.body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(data(shown).embeds[0].title).toBe('Global Reach');
  });

  it('explains itself with /help', async () => {
    const request = await fake.interact(fake.slash('help', [], 'dm'));
    expect(data(request).embeds[0].title).toBe('How to ask');
  });

  it('answers an unknown command and an unknown button politely and privately', async () => {
    const unknown = await fake.interact(fake.slash('frobnicate', []));
    expect(data(unknown)).toMatchObject({ flags: 64, embeds: [{ title: 'Unknown command' }] });
    const stale = await fake.interact(fake.component(fake.messageFrom({}), 'v0-old-button', fake.user()));
    expect(data(stale)).toMatchObject({ flags: 64, embeds: [{ title: 'This button has expired' }] });
  });

  it('cools down a student who asks too fast, privately', async () => {
    const student = fake.user();
    const replies: RecordedRequest[] = [];
    for (let i = 0; i < 6; i++) replies.push(await ask(`vpc question ${i}`, [], 'guild', student));
    expect(replies.slice(0, 5).every((r) => data(r).embeds[0].title !== 'Slow down a little')).toBe(true);
    expect(data(replies[5]!)).toMatchObject({ flags: 64, embeds: [{ title: 'Slow down a little' }] });
  });

  it('logs one line per answered question, without user names, ids or the token', async () => {
    const since = bot.mark();
    const student = fake.user();
    await ask('vpc peering', [], 'guild', student);
    await fake.message(fake.userMessage('what is DX', 'dm', { author: student }));
    // Log lines name no question or user, so a line another test caused may land here too: every line is
    // checked, and this test's two must be among them.
    await bot.waitFor(/"via":"ask"[\s\S]*"via":"dm"|"via":"dm"[\s\S]*"via":"ask"/, 10_000, since);
    const lines = bot
      .output()
      .slice(since)
      .split('\n')
      .filter((line) => line.includes('"event":"answer"'));
    const fields = ['event', 'level', 'ms', 'place', 'time', 'verdict', 'via'];
    for (const entry of lines.map((line) => JSON.parse(line) as Json)) {
      const allowed = entry.via === 'ask' ? [...fields, 'private'] : fields;
      expect(Object.keys(entry).sort()).toEqual(allowed.sort());
    }
    const logged = lines.join('\n');
    expect(logged).not.toContain(student.id as string);
    expect(logged).not.toContain(student.username as string);
    expectNoToken(bot.output());
  });
});
