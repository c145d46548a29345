// The only way the sidebar builds DOM: elements and TEXT. Every value from the sheet, a template or
// a note goes in as a text node, so markup in it shows as the characters it is and never runs.

export type Child = Node | string | number | null | undefined | false | readonly Child[];
type Listener = (event: Event) => void;
export type AttrValue = string | number | boolean | null | undefined | Listener;
export type Attrs = Record<string, AttrValue>;

/** URLs the sidebar itself builds (Gmail compose, mailto, a phone number's digits); anything else is refused. */
const SAFE_URL = /^(https:\/\/|mailto:|tel:\+?\d+$|#)/i;

function append(parent: Node, child: Child): void {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) {
    for (const c of child as readonly Child[]) append(parent, c);
    return;
  }
  parent.appendChild(typeof child === 'object' ? (child as Node) : document.createTextNode(String(child)));
}

/**
 * h('button', { class: 'primary', onclick: save }, 'Save') — attributes are set with
 * setAttribute (handlers only from functions, links only to https/mailto), children as text.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) {
      if (typeof value !== 'function') throw new Error(`h(): ${name} must be a function`);
      el.addEventListener(name.slice(2), value);
      continue;
    }
    if (typeof value === 'function') throw new Error(`h(): ${name} cannot be a function`);
    if ((name === 'href' || name === 'src' || name === 'action') && !SAFE_URL.test(String(value))) {
      throw new Error(`h(): refusing ${name}=${String(value).slice(0, 40)}`);
    }
    if (name === 'value' && 'value' in el) (el as HTMLInputElement).value = String(value);
    else if (name === 'checked' && el instanceof HTMLInputElement) el.checked = value === true;
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/** Replaces an element's children (text and nodes only). */
export function fill(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing`);
  return el as T;
}

let counter = 0;
/** A unique id for label/field pairs. */
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}
