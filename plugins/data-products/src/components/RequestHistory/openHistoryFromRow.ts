import type { MouseEvent } from 'react';

/** Marks the button a row click stands for. */
export const HISTORY_BUTTON_ATTRIBUTE = 'data-request-history';

/**
 * A click on a request's row, outside its links and buttons, opens the
 * row's history as its History button would, focusing that button first
 * so that focus returns to it when the drawer closes.
 */
export function openHistoryFromRow(event: MouseEvent<HTMLElement>) {
  const target = event.target as HTMLElement;
  // Clicks inside the drawer reach the row through React's portal, not the DOM.
  if (!event.currentTarget.contains(target)) return;
  if (target.closest('a, button, input, label, textarea, [role="button"]')) {
    return;
  }
  // Selecting text to copy it is not a request to open anything.
  if (window.getSelection()?.toString()) return;
  const button = event.currentTarget.querySelector<HTMLButtonElement>(
    `button[${HISTORY_BUTTON_ATTRIBUTE}]`,
  );
  button?.focus();
  button?.click();
}
