export { ask } from './ask.js';
export { report } from './report.js';
export { help, topics } from './topics.js';
export type { Command } from './command.js';
