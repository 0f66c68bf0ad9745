/**
 * Renders Markdown as GitHub does (GFM: tables, autolink literals, raw HTML kept, as GitHub keeps the tags it
 * allows) and reads the HTML back: the links, images and text that a reader of the surface would get.
 */
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';

export function renderGfm(markdown: string): string {
  return micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });
}

/** Every link target (`href`) in the HTML. */
export function hrefs(html: string): string[] {
  return [...html.matchAll(/<a\s[^>]*href="([^"]*)"/g)].map((m) => m[1]!);
}

/** Every image or other embedded element the HTML has. */
export function embeds(html: string): string[] {
  return [...html.matchAll(/<(img|iframe|script|object|embed|video|audio|svg)\b[^>]*>/gi)].map((m) => m[0]);
}

/** The text a reader sees: tags dropped, entities decoded. */
export function visibleText(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** @mentions GitHub would make: an @ right before a login, not after a word character. */
export function mentions(html: string): string[] {
  return [...visibleText(html).matchAll(/(?<![\w`])@[A-Za-z0-9][\w-]*/g)].map((m) => m[0]);
}

/** The top-level blocks of the HTML, in order, by their tag (`p`, `ul`, `table`, `details` …). */
export function blocks(html: string): string[] {
  return [...html.matchAll(/^<(\w+)/gm)].map((m) => m[1]!);
}
