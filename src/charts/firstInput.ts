/**
 * The user's first input on the page (pointer, touch, wheel or key), which is when the interactive
 * chart engine is worth loading. Charts mounted after it load the engine straight away.
 */
const INPUTS = ['pointerdown', 'pointermove', 'touchstart', 'wheel', 'keydown'] as const

let seen = false
const waiting = new Set<() => void>()

function onInput(): void {
  seen = true
  for (const type of INPUTS) window.removeEventListener(type, onInput, { capture: true })
  const callbacks = [...waiting]
  waiting.clear()
  for (const callback of callbacks) callback()
}

// Listening from the moment the app starts: an input while the data loads counts too.
if (typeof window !== 'undefined') {
  for (const type of INPUTS) window.addEventListener(type, onInput, { capture: true, passive: true })
}

/** Runs `callback` at the first input, or now if there was one; returns a function that cancels it. */
export function afterFirstInput(callback: () => void): () => void {
  if (seen) {
    callback()
    return () => {}
  }
  waiting.add(callback)
  return () => waiting.delete(callback)
}

/** Whether the page has had an input yet. */
export function hadInput(): boolean {
  return seen
}

/**
 * Runs `callback` once the page has had an input and then none for `quietMs` (the pointer rests):
 * heavy work then never lands under a moving pointer. Returns a function that cancels it.
 */
export function afterInputsSettle(callback: () => void, quietMs: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  let done = false
  const stop = () => {
    clearTimeout(timer)
    for (const type of INPUTS) window.removeEventListener(type, arm, { capture: true })
  }
  const fire = () => {
    stop()
    if (!done) {
      done = true
      callback()
    }
  }
  function arm(): void {
    clearTimeout(timer)
    timer = setTimeout(fire, quietMs)
  }
  const cancelFirst = afterFirstInput(() => {
    for (const type of INPUTS) window.addEventListener(type, arm, { capture: true, passive: true })
    arm()
  })
  return () => {
    done = true
    cancelFirst()
    stop()
  }
}
