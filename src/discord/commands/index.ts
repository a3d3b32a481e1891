export { ask } from './ask.js';
export { help, topics } from './topics.js';
export type { Command } from './command.js';
