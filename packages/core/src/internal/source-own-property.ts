/** Writing object members as plain own data, whatever the key (`__proto__` included). */

/**
 * `obj[key] = value`, except that `__proto__` becomes an own enumerable data property (as `JSON.parse`
 * makes it) instead of calling the inherited setter that would replace the prototype.
 */
export const setOwn = (obj: Record<string, unknown>, key: string, value: unknown): void => {
  if (key === "__proto__") {
    Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true })
  } else obj[key] = value
}
