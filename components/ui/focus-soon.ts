/**
 * Focuses an element once a just-closed Radix overlay has handed focus back
 * to its trigger (Radix does that in a zero-delay timeout on unmount): a
 * shortcut pressed right after Esc would otherwise lose its focus to the
 * overlay's trigger a moment later.
 */
export function focusSoon(el: HTMLElement | null | undefined, opts: { select?: boolean } = {}): void {
  setTimeout(() => {
    el?.focus();
    if (opts.select && el instanceof HTMLInputElement) el.select();
  }, 0);
}
