import type { AddressInfo } from 'node:net';
import { REST } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createBotContext } from '../../src/discord/botContext.js';
import { createInteractionServer } from '../../src/discord/httpInteractions.js';
import { createLogger } from '../../src/discord/logger.js';
import { publicKeyFromHex } from '../../src/discord/verifySignature.js';
import type { KnowledgeIndex } from '../../src/search/buildIndex.js';
import { shippedIndex } from '../helpers.js';
import { FakeDiscord } from './fakeDiscord.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('a slow answer over HTTP', () => {
  it('is a deferral (type 5) in the HTTP body, then a webhook edit of the original response', async () => {
    const fake = await FakeDiscord.start();
    // The index arrives only after the test has seen the deferral: the endpoint must defer on its own clock.
    let releaseIndex!: (index: KnowledgeIndex) => void;
    const pendingIndex = new Promise<KnowledgeIndex>((resolve) => (releaseIndex = resolve));
    const config = loadConfig({ DISCORD_API_URL: fake.apiUrl, DISCORD_PUBLIC_KEY: fake.publicKey }, 'http');
    const context = createBotContext({
      config,
      index: () => pendingIndex,
      logger: createLogger('silent'),
      store: null,
    });
    const rest = new REST({ api: config.apiUrl, retries: 1, timeout: 5000 });
    const { server, settled } = createInteractionServer(context, {
      publicKey: publicKeyFromHex(fake.publicKey),
      rest,
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/interactions`;
      const interaction = fake.slash('ask', [{ type: 3, name: 'question', value: 'vpc isolation' }]);
      const reply = (await fake.post(endpoint, interaction)) as { status: number; body: Json };
      expect(reply).toEqual({ status: 200, body: { type: 5, data: {} } });
      const since = fake.requests.length;
      releaseIndex(shippedIndex());
      const edit = await fake.waitForRequest((r) => r.operation === 'webhookEdit', 10_000, since);
      expect(decodeURIComponent(edit.path)).toBe(
        `/webhooks/${fake.applicationId}/${interaction.token as string}/messages/@original`,
      );
      expect(edit.errors).toEqual([]);
      expect((edit.body as Json).embeds[0].title).toBe('Isolation');
      await settled();
    } finally {
      server.close();
      await fake.close();
    }
  });
});
