/** What organisers see: what students asked, what the chapters answered badly, and what nobody asked. */
export interface Report {
  since: string;
  until: string;
  /** Questions asked in the window. */
  questions: number;
  declined: number;
  /** declined / questions (0 when no questions). */
  declinedShare: number;
  /** Questions answered `closest`: the subject is in the chapters, the detail asked is not. */
  closest: number;
  /** closest / questions (0 when no questions). */
  closestShare: number;
  /** Questions per UTC day of the window (`YYYY-MM-DD`), by verdict: every day, zeros included. */
  perDay: { day: string; answered: number; closest: number; declined: number }[];
  /** Answered questions per service of their top answer (its chapter for an introduction), most first. */
  perService: { service: string; questions: number }[];
  /**
   * Questions students confirmed for a section and not learned yet, by section, each with how many
   * distinct students confirmed it: what `npm run learn -- --accept` would write to asked.yml.
   */
  proposed: { id: string; label: string; questions: { question: string; students: number }[] }[];
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
