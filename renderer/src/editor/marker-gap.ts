// Word writes a typed list marker as text and a gap of non-breaking spaces or a tab ("（1）\u00a0\u00a0地震专家");
// Chinese text puts nothing between the marker and the words, so a paste keeps the marker and drops the gap.

const MARKER_GAP = /^([（(][0-9一二三四五六七八九十]{1,3}[)）]|[0-9]{1,3}[.．、]|[一二三四五六七八九十]{1,3}、|[①-⑳])[\u00a0\t][\u00a0\t ]*/;

/** Whether a text can hold such a gap at its start: cheap, for a transform that runs on every keystroke. */
export const mayHaveMarkerGap = (text: string): boolean => text.includes('\u00a0') || text.includes('\t');

/** The text without the gap after a list marker at its start; other spaces are left as they are. */
export function withoutMarkerGap(text: string): string {
  return text.replace(MARKER_GAP, '$1');
}
