/** Changes of the proxy action (changes.md, proxy rows). A disabled proxy's `useModule` has no effect. */
import { child } from "../internal/pointer.js"
import type { Emit } from "./emit.js"
import { memberPointer, type NIntegration } from "./normal.js"

const proxyMember = (n: NIntegration, key: string): string => {
  const proxy = n.raw.proxy
  const pointer = memberPointer(n, "proxy")
  return typeof proxy === "object" && proxy !== null && Object.hasOwn(proxy, key) ? child(pointer, key) : pointer
}

export const compareProxy = (o: NIntegration, n: NIntegration, emit: Emit): void => {
  const place = (key: string) => ({
    old: proxyMember(o, key),
    new: proxyMember(n, key),
    anchor: memberPointer(n, "proxy"),
  })
  if (o.proxy.enabled !== n.proxy.enabled)
    emit("proxy-enabled-changed", ["proxy", "enabled"], o.proxy, n.proxy, place("enabled"))
  else if (o.proxy.useModule !== n.proxy.useModule) {
    emit("proxy-use-module-changed", ["proxy", "useModule"], o.proxy.useModule, n.proxy.useModule, place("useModule"))
  }
}
