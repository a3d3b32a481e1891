// `npm run soak`: thousands of questions from many students through the fake Discord on 127.0.0.1, to
// show the bot keeps answering, honours cooldowns and does not grow its heap. A script, not a test.
import { parseArgs } from 'node:util';
import { startBotProcess } from '../discord/botProcess.js';
import { CALLBACK_DEADLINE_MS, FakeDiscord } from '../discord/fakeDiscord.js';
import { devQuestions } from './questions.js';

const { values } = parseArgs({
  options: {
    questions: { type: 'string', default: '5000' },
    users: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '60' },
    json: { type: 'boolean', default: false },
  },
});
const total = Number(values.questions);
const userCount = Number(values.users);
const seconds = Number(values.seconds);
const COOLDOWN_QUESTIONS = 5;
const COOLDOWN_SECONDS = 30;
const texts = [
  ...devQuestions().map((question) => question.q),
  '@everyone <@&123456789012345678> **vpc**',
  '',
  '?!?!',
  'x'.repeat(300),
];

// Discord's 3 s rule is on here: latency is what the benchmark measures.
const fake = await FakeDiscord.start({ callbackDeadlineMs: CALLBACK_DEADLINE_MS });
const bot = startBotProcess(
  fake.apiUrl,
  {
    LOG_LEVEL: 'info',
    STATS_SECONDS: '5',
    COOLDOWN_QUESTIONS: String(COOLDOWN_QUESTIONS),
    COOLDOWN_SECONDS: String(COOLDOWN_SECONDS),
  },
  ['--expose-gc'],
);
await bot.waitFor(/"event":"ready"/);
const users = Array.from({ length: userCount }, () => fake.user());
const answeredAt = new Map<string, number[]>();
let answered = 0;
let cooledDown = 0;
let failed = 0;
let inFlight = 0;
const started = Date.now();
const deadline = started + seconds * 1000;

const sendOne = async (i: number): Promise<void> => {
  const user = users[i % userCount]!;
  const interaction = fake.slash(
    'ask',
    [{ type: 3, name: 'question', value: texts[i % texts.length] }],
    'guild',
    user,
  );
  inFlight++;
  try {
    const callback = await fake.interact(interaction, 5000);
    const data = (callback.body as { data?: { embeds?: { title?: string }[] } }).data;
    if (callback.status !== 204 || callback.errors.length > 0) failed++;
    else if (data?.embeds?.[0]?.title === 'Slow down a little') cooledDown++;
    else {
      answered++;
      const times = answeredAt.get(user.id as string) ?? [];
      times.push(Date.now());
      answeredAt.set(user.id as string, times);
    }
  } catch {
    failed++;
  } finally {
    inFlight--;
  }
};

// Paced: question i leaves at its share of the window; never more than 50 in flight.
const pending: Promise<void>[] = [];
for (let i = 0; i < total; i++) {
  const due = started + (i / total) * seconds * 1000;
  while (Date.now() < due || inFlight >= 50) await new Promise((resolve) => setTimeout(resolve, 2));
  if (Date.now() > deadline + 30_000) break;
  pending.push(sendOne(i));
}
await Promise.all(pending);
await new Promise((resolve) => setTimeout(resolve, 6000));
const stats = bot
  .output()
  .split('\n')
  .filter((line) => line.includes('"event":"stats"'))
  .map((line) => JSON.parse(line) as { heap_mb: number; answered: number });
const exitCode = await bot.stop();
await fake.close();

// Cooldown honoured: no student got more than the allowed answers in any window.
const windowMs = COOLDOWN_SECONDS * 1000;
let violations = 0;
for (const times of answeredAt.values()) {
  for (let i = COOLDOWN_QUESTIONS; i < times.length; i++) {
    if (times[i]! - times[i - COOLDOWN_QUESTIONS]! < windowMs - 1000) violations++;
  }
}
const warm = stats[1] ?? stats[0];
const last = stats.at(-1);
const growth = warm && last ? (last.heap_mb - warm.heap_mb) / warm.heap_mb : null;
const result = {
  sent: total,
  users: userCount,
  seconds: Math.round((Date.now() - started) / 100) / 10,
  answered,
  cooled_down: cooledDown,
  failed,
  cooldown_violations: violations,
  heap_mb: { after_warmup: warm?.heap_mb ?? null, end: last?.heap_mb ?? null },
  heap_growth: growth === null ? null : Math.round(growth * 1000) / 1000,
  bot_exit_code: exitCode,
};
const ok =
  failed === 0 &&
  answered + cooledDown === total &&
  violations === 0 &&
  growth !== null &&
  growth <= 0.2 &&
  exitCode === 0;
process.stdout.write(
  values.json
    ? `${JSON.stringify({ ...result, ok })}\n`
    : `${JSON.stringify(result, null, 2)}\n${ok ? 'ok' : 'FAILED'}\n`,
);
process.exitCode = ok ? 0 : 1;
