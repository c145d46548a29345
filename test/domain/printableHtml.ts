// Checks shared by the letter and evidence-pack tests: what the printed document may contain.

/** The only elements the letter and the pack are built from. */
const ALLOWED_TAGS = new Set([
  '!doctype',
  'html',
  'head',
  'meta',
  'title',
  'style',
  'body',
  'div',
  'strong',
  'br',
  'p',
  'h1',
  'h2',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'ol',
  'ul',
  'li',
]);

/** Real tags of the document (escaped text has no '<', so it never shows up here). */
export function tagsOf(html: string): string[] {
  return html.match(/<[^<>]*>/g) ?? [];
}

/** Tags that are not in the document's own vocabulary: a sign that a value escaped into markup. */
export function foreignTags(html: string): string[] {
  return tagsOf(html).filter((tag) => !ALLOWED_TAGS.has((/^<\/?([!\w]+)/.exec(tag)?.[1] ?? '').toLowerCase()));
}

/** Anything that would make the printed document fetch something: attributes, CSS url() or @import. */
export function externalReferences(html: string): string[] {
  const attributes = tagsOf(html).filter((tag) => /\b(?:src|href|srcset|action|background|poster)\s*=/i.test(tag));
  const css = (html.match(/<style>([\s\S]*?)<\/style>/g) ?? []).filter((s) => /url\s*\(|@import/i.test(s));
  return [...attributes, ...css];
}
