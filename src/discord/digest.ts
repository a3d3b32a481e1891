import { Cron } from 'croner';
import { Routes, type RESTPostAPIChannelMessageJSONBody } from 'discord-api-types/v10';
import type { REST } from 'discord.js';
import { reportChartSpec } from '../chart/reportChart.js';
import { renderChartPng } from '../chart/renderChart.js';
import { buildReport } from '../store/buildReport.js';
import { weakestTopics } from '../study/weakestTopics.js';
import { formatDigest } from './render/formatDigest.js';
import type { BotContext } from './botContext.js';

/** What one tick did: posted the period's digest, found it claimed, or could not post. */
export type DigestOutcome = 'posted' | 'already posted' | 'no store' | 'failed';

/** A running digest schedule. */
export interface DigestSchedule {
  /** Post the digest of the latest period due at the context's clock, unless any instance has. */
  tick(): Promise<DigestOutcome>;
  /** Stop the timer (ticks under way finish). */
  stop(): void;
}

/** The attached chart's file name. */
const IMAGE = 'digest.png';

/** Options of `scheduleDigest`. */
export interface DigestScheduleOptions {
  /** After a failed post, try the same period again this much later (ms), while it is still the latest. */
  retryMs: number;
  /** How many times a failed period is tried again. */
  retries: number;
}

const defaultDigestScheduleOptions: DigestScheduleOptions = { retryMs: 10 * 60_000, retries: 3 };

/**
 * The latest scheduled time at or before `now` and the one before it: the period the digest covers. A
 * second of slack, because a timer may fire a hair early.
 */
export function digestPeriod(
  pattern: string,
  timezone: string,
  now: number,
): { since: number; until: number } {
  const cron = new Cron(pattern, { timezone, paused: true });
  const [until, since] = cron.previousRuns(2, new Date(now + 1000));
  cron.stop();
  if (until === undefined || since === undefined) throw new Error(`DIGEST_CRON ${pattern} has no past runs`);
  return { since: since.getTime(), until: until.getTime() };
}

/**
 * Post the weekly digest to `channelId` on `config.digestCron` (croner, in `config.digestTimezone`): the
 * report of the period as an embed with its chart attached (multipart: `files[0]` and `attachments` in
 * `payload_json`). Every instance sharing a store may run a schedule: each claims the period in the store
 * (a unique key, the period's end in ISO form) before posting, so one post goes out per period, across
 * restarts too; a failed post gives the claim back and is tried again `retryMs` later (up to `retries`
 * times, while the period is still the latest). A period missed while no instance ran is not posted late.
 *
 * @param context The bot's context: store, clock, config, logger, index.
 * @param rest An authorised REST client (the bot token).
 * @param channelId Where to post.
 * @param options Merged over the defaults (10 minutes, 3 retries).
 */
export function scheduleDigest(
  context: BotContext,
  rest: REST,
  channelId: string,
  options: Partial<DigestScheduleOptions> = {},
): DigestSchedule {
  const { config, logger } = context;
  const { retryMs, retries } = { ...defaultDigestScheduleOptions, ...options };
  const retryTimers = new Set<NodeJS.Timeout>();
  const retry = (left: number): void => {
    const timer = setTimeout(() => {
      retryTimers.delete(timer);
      void post(left - 1);
    }, retryMs);
    timer.unref();
    retryTimers.add(timer);
  };
  const tick = (): Promise<DigestOutcome> => post(retries);
  const post = async (retriesLeft: number): Promise<DigestOutcome> => {
    const { store } = context;
    if (store === null) return 'no store';
    const { since, until } = digestPeriod(config.digestCron, config.digestTimezone, context.now());
    const period = new Date(until).toISOString();
    try {
      if (!(await store.claimDigest(period, context.now()))) return 'already posted';
    } catch (error) {
      logger.error('digest not posted: storage failed', { period, error });
      return 'failed';
    }
    try {
      const index = await context.index();
      const report = await buildReport(store, since, index, until);
      const quizzed = weakestTopics(index, await store.study.answersByChunk(since, until));
      const image = await renderChartPng(reportChartSpec(report));
      const body: RESTPostAPIChannelMessageJSONBody = {
        ...formatDigest(report, { imageName: IMAGE, quizTopics: quizzed.length === 0 ? null : quizzed }),
        attachments: [{ id: '0', filename: IMAGE }],
      };
      await rest.post(Routes.channelMessages(channelId), {
        body,
        files: [{ name: IMAGE, data: image.png, contentType: 'image/png' }],
      });
      logger.info('digest posted', { period, questions: report.questions });
      return 'posted';
    } catch (error) {
      logger.error('digest not posted', { period, error, retriesLeft });
      await store.releaseDigest(period).catch(() => undefined);
      if (retriesLeft > 0) retry(retriesLeft);
      return 'failed';
    }
  };
  const job = new Cron(
    config.digestCron,
    { timezone: config.digestTimezone, protect: true },
    () => void tick(),
  );
  if (context.store === null) logger.warn('digest needs question storage; none is open', { channelId });
  return {
    tick,
    stop: () => {
      job.stop();
      for (const timer of retryTimers) clearTimeout(timer);
    },
  };
}
