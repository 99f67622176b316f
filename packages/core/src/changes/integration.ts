/** Changes of one integration present in both versions: its own members, then each area. */
import { placeOf } from "./action.js"
import type { Emit } from "./emit.js"
import type { NIntegration } from "./normal.js"
import { compareProxy } from "./proxy.js"
import { compareRead } from "./read.js"
import { compareSubscribe } from "./subscribe.js"
import { compareWatchSchema } from "./watch-schema.js"
import { compareWrite } from "./write.js"

export const compareIntegration = (o: NIntegration, n: NIntegration, emit: Emit): void => {
  if (o.provider !== n.provider) emit("provider-changed", [], o.provider, n.provider, placeOf(o, n, "provider"))
  if (o.module !== n.module) emit("module-changed", [], o.module, n.module, placeOf(o, n, "module"))
  if (o.displayName !== n.displayName) {
    emit("display-name-changed", [], o.displayName, n.displayName, placeOf(o, n, "displayName"))
  }
  compareRead(o, n, emit)
  compareWrite(o, n, emit)
  compareSubscribe(o, n, emit)
  compareProxy(o, n, emit)
  compareWatchSchema(o, n, emit)
}
