// What a document reader returns: the text with structure hints, and where each page starts.

export type DocumentFormat = 'txt' | 'md' | 'html' | 'pdf' | 'docx';

export interface ExtractedText {
  format: DocumentFormat;
  /**
   * The text, one line per visual line. Tables become one row per line with cells separated by
   * tabs, so every format reaches the parser in the shape of the corpus text conversions.
   */
  text: string;
  /** For paged formats: pageStarts[i] is the 1-based line on which page i+1 begins. */
  pageStarts?: number[];
}
