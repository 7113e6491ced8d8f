/**
 * Whether this page is shown in a frame of another origin (a page that could lay Vigie under its
 * own, nearly transparent, and turn a user's clicks into a delete). Reading the top window's
 * location throws across origins. Decided once: a page cannot change frames.
 */
export function framedByOtherOrigin(win: Window = window): boolean {
  if (win.top === win.self) return false
  try {
    return win.top!.location.origin !== win.location.origin
  } catch {
    return true
  }
}
