export { defaultCardOptions, type Card, type CardKind, type CardOptions } from './card.js';
export { generateCards } from './generateCards.js';
export { readingStep, type ReadingStep } from './readingOrder.js';
