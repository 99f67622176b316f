/** `h`: build a DOM element with attributes and children (text is always text, never HTML). */

type Child = Node | string | false | null | undefined
type Attributes = Record<string, string | number | boolean | undefined | ((e: Event) => void)>

export const h = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: ReadonlyArray<Child | ReadonlyArray<Child>>
): HTMLElementTagNameMap[K] => {
  const el = document.createElement(tag)
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue
    if (typeof value === "function") el.addEventListener(key.replace(/^on/, ""), value)
    else if (key === "class") el.className = String(value)
    else el.setAttribute(key, value === true ? "" : String(value))
  }
  for (const child of children.flat()) {
    if (child === false || child === null || child === undefined) continue
    el.append(child)
  }
  return el
}

export const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`
