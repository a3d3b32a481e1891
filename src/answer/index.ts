export {
  answer,
  answerChunk,
  chunkLabel,
  defaultAnswerOptions,
  type Answer,
  type Suggestion,
} from './answer.js';
export { toAnswerJson, type AnswerJson, type ResultJson } from './answerJson.js';
export { CHOICE_PREFIX, formatChoices } from '../discord/render/formatChoices.js';
export { formatHelp, formatTopics } from '../discord/render/formatTopics.js';
export {
  chunkUrl,
  formatAnswer,
  formatNote,
  type FormatOptions,
  type MessagePayload,
} from '../discord/render/formatAnswer.js';
export { formatReportMessage, formatReportText, type Report } from '../discord/render/formatReportMessage.js';
