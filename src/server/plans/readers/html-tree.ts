// A small reader for the HTML mammoth writes: well-formed, no scripts, no attributes the
// import needs except colspan/rowspan. A full HTML parser would be another dependency for
// the dozen tags mammoth emits.

import "server-only";
export interface HtmlElement {
  tag: string;
  attrs: Record<string, string>;
  children: HtmlNode[];
}
export type HtmlNode = HtmlElement | string;

const VOID = new Set(["br", "img", "hr", "col", "input", "meta", "link"]);
const TOKEN = /<!--[\s\S]*?-->|<\/\s*([a-zA-Z][a-zA-Z0-9]*)\s*>|<([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>|([^<]+|<)/g;
const ATTR = /([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

function attributes(source: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of source.matchAll(ATTR)) out[m[1].toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? "";
  return out;
}

/** Parses into a tree; a stray closing tag closes up to its opener, a missing one is implied at the end. */
export function parseHtml(html: string): HtmlElement {
  const root: HtmlElement = { tag: "#root", attrs: {}, children: [] };
  const stack: HtmlElement[] = [root];
  for (const m of html.matchAll(TOKEN)) {
    const [whole, closing, opening, attrSource, selfClosing, text] = m;
    const top = stack[stack.length - 1];
    if (text !== undefined) top.children.push(text);
    else if (opening) {
      const el: HtmlElement = { tag: opening.toLowerCase(), attrs: attributes(attrSource ?? ""), children: [] };
      top.children.push(el);
      if (!selfClosing && !VOID.has(el.tag)) stack.push(el);
    } else if (closing) {
      const tag = closing.toLowerCase();
      const at = stack.map((e) => e.tag).lastIndexOf(tag);
      if (at > 0) stack.length = at;
    } else if (whole.startsWith("<!--")) continue;
  }
  return root;
}

export function isElement(node: HtmlNode): node is HtmlElement {
  return typeof node !== "string";
}
