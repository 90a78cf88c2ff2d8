import { type DefaultTreeAdapterMap, parse } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
export type Element = DefaultTreeAdapterMap['element'];

/** Parses a whole document as a browser does (parse5 follows the HTML standard), reporting parse errors. */
export function parseHtml(text: string): { document: DefaultTreeAdapterMap['document']; errors: string[] } {
  const errors: string[] = [];
  const document = parse(text, { onParseError: (e) => errors.push(`${e.code} at ${e.startLine}:${e.startCol}`) });
  return { document, errors };
}

/** Every element under `node`, in document order. */
export function elements(node: Node): Element[] {
  const out: Element[] = [];
  const walk = (n: Node): void => {
    if ('tagName' in n) out.push(n);
    const children = 'childNodes' in n ? n.childNodes : [];
    // <template> keeps its children in `content`.
    const content = 'content' in n ? (n.content as { childNodes: Node[] }).childNodes : [];
    for (const c of [...children, ...content]) walk(c);
  };
  walk(node);
  return out;
}

/** The text under `node`, as `textContent` gives it. */
export function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}

export function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

/** Elements with this tag name (any namespace: HTML or SVG). */
export function byTag(node: Node, tag: string): Element[] {
  return elements(node).filter((e) => e.tagName === tag);
}
