/** What organisers see: what students asked, what the chapters answered badly, and what nobody asked. */
export interface Report {
  since: string;
  until: string;
  /** Questions asked in the window. */
  questions: number;
  declined: number;
  /** declined / questions (0 when no questions). */
  declinedShare: number;
  places: Record<'guild' | 'dm' | 'group_dm', number>;
  /** Declined questions grouped by normalized text, most asked first. */
  unanswered: { question: string; count: number }[];
  /** Chunks with the most "not helpful" clicks. */
  notHelpful: { id: string; label: string; notHelpful: number; helpful: number }[];
  feedback: { helpful: number; notHelpful: number };
  /** Features that were never the top answer in the window. */
  unaskedFeatures: { id: string; label: string }[];
  /** Answered questions per chapter of their top hit. */
  perChapter: { chapter: string; questions: number }[];
}
